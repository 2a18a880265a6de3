// npm run dlq -- list | show <id> | redrive --all | redrive <id>... | purge
// Operates the dead-letter queue of the configured (or running embedded) Selah.
import { existsSync } from "node:fs";
import {
  DeadLetterNotFoundError,
  listDeadLetters,
  purgeDeadLetters,
  redriveDeadLetters,
  showDeadLetter,
  type DeadLetterSummary,
} from "@/lib/platform/queue/dead-letter-queue";
import { withQueues } from "./cli/with-queues";

const USAGE = `Usage: npm run dlq -- <command>
  list [--limit N] [--json]   messages in the dead-letter queue, with why they are there
  show <message-id>           one message, body included
  redrive --all               send every message back to the main queue (once each)
  redrive <message-id>...     send these messages back
  purge                       delete every message in the dead-letter queue`;

class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

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

try {
  await withQueues(async (sqs, queues) => {
    switch (command) {
      case "list": {
        const limitAt = args.indexOf("--limit");
        const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError("--limit expects a whole number");
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
        if (!args[0]) throw new UsageError("show expects a message id");
        console.log(JSON.stringify(await showDeadLetter(sqs, queues, args[0]), null, 2));
        return;
      }
      case "redrive": {
        if (args.length === 0) throw new UsageError("redrive expects --all or message ids");
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
        throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
    }
  });
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof DeadLetterNotFoundError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
