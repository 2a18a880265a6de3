import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnvSchema } from "@/lib/platform/config/server-env";
import { maxSermonDurationMinutes, processingEnvSchema } from "./processing-env";

const server = {
  DATABASE_URL: "postgresql://postgres:s3cret@127.0.0.1:5433/postgres",
  SQS_QUEUE_URL: "http://127.0.0.1:4566/000000000000/selah-events",
  SQS_DLQ_URL: "http://127.0.0.1:4566/000000000000/selah-events-dlq",
  INNGEST_DEV: "http://127.0.0.1:8288",
  BETTER_AUTH_SECRET: "0123456789abcdef0123456789abcdef",
};

/** The web app's start-up: the server env, this variable set to `value`. */
const startUp = (value: string) => () =>
  parseEnv(serverEnvSchema, { ...server, SERMON_MAX_DURATION_MINUTES: value });

describe("SERMON_MAX_DURATION_MINUTES", () => {
  it("defaults to 12 hours, so a 10-hour recording is accepted out of the box", () => {
    expect(parseEnv(serverEnvSchema, server).SERMON_MAX_DURATION_MINUTES).toBe(720);
    expect(maxSermonDurationMinutes({})).toBe(720);
    expect(maxSermonDurationMinutes({ SERMON_MAX_DURATION_MINUTES: "90" })).toBe(90);
  });

  it("stops start-up, for the web app and the functions alike, naming the variable and the range", () => {
    expect(startUp("ten hours")).toThrow(InvalidEnvError);
    expect(startUp("ten hours")).toThrow(
      'SERMON_MAX_DURATION_MINUTES: expected a whole number of minutes (got "ten hours")',
    );
    expect(startUp("90.5")).toThrow(
      'SERMON_MAX_DURATION_MINUTES: expected a whole number of minutes (got "90.5")',
    );
    for (const outOfRange of ["0", "-5", "1441"]) {
      expect(startUp(outOfRange)).toThrow(
        `SERMON_MAX_DURATION_MINUTES: expected 1 to 1440 minutes (24 hours) (got "${outOfRange}")`,
      );
    }
    // process-sermon parses this schema when it loads, before it serves a single run.
    expect(() => parseEnv(processingEnvSchema, { SERMON_MAX_DURATION_MINUTES: "forever" })).toThrow(
      /SERMON_MAX_DURATION_MINUTES: expected a whole number of minutes/,
    );
  });
});
