import type { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";

/** An environment to validate: process.env or a composed one (tests, child processes). */
export type Env = Record<string, string | undefined>;

/** A setting that stays wrong on every retry: the message names each variable and what it expects. */
export class InvalidEnvError extends AppError {
  override name = "InvalidEnvError";
  constructor(readonly problems: string[]) {
    super("misconfigured", `Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses env against a schema; every problem names its variable and what was expected. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  // A variable two composed schemas share (EMBEDDING_PROVIDER) is reported once.
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const given = issue.path.length ? env[String(issue.path[0])] : undefined;
    const expected =
      issue.code === "invalid_type" && given === undefined ? "is required" : issue.message;
    return given === undefined
      ? `${name}: ${expected}`
      : `${name}: ${expected} (got ${JSON.stringify(redact(name, given))})`;
  });
  throw new InvalidEnvError([...new Set(problems)]);
}

function redact(name: string, value: string): string {
  if (/KEY|SECRET|PASSWORD|TOKEN/i.test(name)) return "<redacted>";
  return value.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:<redacted>@");
}
