import { AppError } from "@/lib/platform/errors/app-error";

export interface RunCliOptions {
  /** Printed after the message when the input or usage was wrong. */
  usage?: string;
}

/** Exit code for a wrong command line or input (the caller can fix it and run again). */
export const EXIT_BAD_INPUT = 2;
/** Exit code for every other failure. */
export const EXIT_FAILED = 1;

/**
 * The CLIs' one error mapping. Runs `main`; when it fails, prints `error: <message>` on stderr
 * (then the usage, for bad input), with the stack and causes only when DEBUG is set, and exits
 * 2 for bad input (an AppError answering 400/422, or node:util parseArgs refusing an option)
 * or 1 for anything else. On success the process ends as `main` left it (its exitCode kept).
 */
export async function runCli(
  main: () => Promise<void>,
  options: RunCliOptions = {},
): Promise<void> {
  try {
    await main();
  } catch (error) {
    const isBadInput = isBadInputError(error);
    console.error(`error: ${messageOf(error)}`);
    if (isBadInput && options.usage) console.error(`\n${options.usage}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(isBadInput ? EXIT_BAD_INPUT : EXIT_FAILED);
  }
}

function isBadInputError(error: unknown): boolean {
  if (error instanceof AppError) return error.status === 400 || error.status === 422;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields =
    error instanceof AppError && error.fields ? Object.values(error.fields).flat() : [];
  // Field messages that the message does not already say, one a line.
  const extra = fields.filter((line) => !error.message.includes(line));
  return [error.message, ...extra.map((line) => `  ${line}`)].join("\n");
}
