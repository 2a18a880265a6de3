// npm run dlq -- list | show <id> | redrive --all | redrive <id>... | purge
// Operates the dead-letter queue of the configured (or running embedded) Selah.
import { existsSync } from "node:fs";
import { AppError } from "@/lib/platform/errors/app-error";
import {
  listDeadLetters,
  purgeDeadLetters,
  redriveDeadLetters,
  showDeadLetter,
  type DeadLetterSummary,
} from "@/lib/platform/queue/dead-letter-queue";
import { runCli } from "./cli/run-cli";
import { withQueues } from "./cli/with-queues";

const USAGE = `Usage: npm run dlq -- <command>
  list [--limit N] [--json]   messages in the dead-letter queue, with why they are there
  show <message-id>           one message, body included
  redrive --all               send every message back to the main queue (once each)
  redrive <message-id>...     send these messages back
  purge                       delete every message in the dead-letter queue`;

const usageError = (message: string) => AppError.invalidInput(message);

if (existsSync(".env")) process.loadEnvFile(".env");
const [command, ...args] = process.argv.slice(2);

const line = (letter: DeadLetterSummary) =>
  [
    letter.messageId,
    letter.eventName ?? "(unparseable)",
    letter.eventId ?? "-",
    letter.deadLetteredAt ?? "-",
    letter.reason,
  ].join("  ");

const main = () =>
  withQueues(async (sqs, queues) => {
    switch (command) {
      case "list": {
        const limitAt = args.indexOf("--limit");
        const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
        if (!Number.isInteger(limit) || limit < 1)
          throw usageError("--limit expects a whole number");
        const letters = await listDeadLetters(sqs, queues, limit);
        if (args.includes("--json")) console.log(JSON.stringify(letters, null, 2));
        else if (letters.length === 0) console.log("The dead-letter queue is empty.");
        else {
          console.log("message id  event  event id  dead-lettered at  reason");
          for (const letter of letters) console.log(line(letter));
          console.log(`${letters.length} message(s).`);
        }
        return;
      }
      case "show": {
        if (!args[0]) throw usageError("show expects a message id");
        console.log(JSON.stringify(await showDeadLetter(sqs, queues, args[0]), null, 2));
        return;
      }
      case "redrive": {
        if (args.length === 0) throw usageError("redrive expects --all or message ids");
        const result = await redriveDeadLetters(
          sqs,
          queues,
          args.includes("--all") ? { all: true } : { messageIds: args },
        );
        console.log(`Redrove ${result.redriven.length} message(s) to the main queue.`);
        if (result.notFound.length) {
          console.error(`Not in the dead-letter queue: ${result.notFound.join(", ")}`);
          process.exitCode = 1;
        }
        return;
      }
      case "purge":
        console.log(
          `Deleted ${await purgeDeadLetters(sqs, queues)} message(s) from the dead-letter queue.`,
        );
        return;
      default:
        throw usageError(command ? `unknown command "${command}"` : "a command is required");
    }
  });

// Usage errors exit 2 with the usage; an unknown message id (not_found) and the rest exit 1.
await runCli(main, { usage: USAGE });
