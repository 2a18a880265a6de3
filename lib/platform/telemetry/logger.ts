import { trace } from "@opentelemetry/api";
import pino, { type DestinationStream, type Logger } from "pino";
import { telemetryEnvSchema, type TelemetryEnv } from "@/lib/platform/config/telemetry-env";
import type { Env } from "@/lib/platform/config/parse-env";
import { currentRequest } from "./request-context";
import { prettyLogLine } from "./pretty-log-line";

export type { Logger } from "pino";

/**
 * Never written, wherever they sit in a logged object: credentials and session cookies
 * (request headers logged whole included), keys and passwords.
 */
export const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "password",
  "secret",
  "token",
  "apiKey",
  "signingKey",
  "eventKey",
  '["set-cookie"]',
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.secret",
  "*.token",
  "*.apiKey",
  "*.signingKey",
  "*.eventKey",
  '*["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  '*.headers["x-inngest-signature"]',
];

export type LoggerOptions = {
  env?: Env;
  /** Where lines go (tests); default stdout. */
  destination?: { write(line: string): void };
  /** Whether stdout is a terminal, for the default format. */
  isTty?: boolean;
};

/** json unless asked for pretty, or unset on a terminal (the launcher decides for its children). */
export function logFormatOf(env: TelemetryEnv, isTty: boolean): "json" | "pretty" {
  return env.LOG_FORMAT ?? (isTty ? "pretty" : "json");
}

/**
 * A process's logger: JSON lines with level, time, process, msg and, while a request or a span
 * is current, `requestId`, `traceId` and `spanId`. Settings that do not parse fall back to the
 * defaults here; each process validates them at start-up and refuses to start instead.
 */
export function createLogger(processName: string, options: LoggerOptions = {}): Logger {
  const parsed = telemetryEnvSchema.safeParse(options.env ?? process.env);
  const env: TelemetryEnv = parsed.success ? parsed.data : { LOG_LEVEL: "info" };
  const out = options.destination ?? process.stdout;
  const format = logFormatOf(env, options.isTty ?? Boolean(process.stdout.isTTY));
  const destination: DestinationStream =
    format === "pretty" ? { write: (line) => void out.write(prettyLogLine(line)) } : out;
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { process: processName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: contextFields,
    },
    destination,
  );
}

function contextFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const request = currentRequest();
  if (request) fields.requestId = request.requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && trace.isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}

const key = Symbol.for("selah.webLogger");

/** The web app's logger (route handlers, server actions, the Inngest functions it serves). */
export function webLogger(): Logger {
  const holder = globalThis as Record<symbol, Logger | undefined>;
  return (holder[key] ??= createLogger("web"));
}
