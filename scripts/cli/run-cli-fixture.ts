// A tiny CLI for scripts/cli/run-cli.test.ts: `npx tsx scripts/cli/run-cli-fixture.ts <mode>`.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/platform/errors/app-error";
import { runCli } from "./run-cli";

const mode = process.argv[2];

await runCli(
  async () => {
    switch (mode) {
      case "ok":
        console.log("done");
        return;
      case "exit-code":
        process.exitCode = 3;
        return;
      case "bad-input":
        throw AppError.invalidInput("--limit expects a whole number");
      case "not-found":
        throw AppError.notFound("No message m-1 in the dead-letter queue.");
      case "unknown-option":
        parseArgs({ args: ["--bogus"], options: {} });
        return;
      default:
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432", {
          cause: new Error("the socket closed"),
        });
    }
  },
  { usage: "Usage: run-cli-fixture <mode>" },
);
