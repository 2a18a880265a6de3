import { describe, expect, it } from "vitest";
import { type Env, InvalidEnvError, parseEnv } from "./parse-env";
import { serverEnvSchema } from "./server-env";

const valid = {
  DATABASE_URL: "postgresql://postgres:s3cret@127.0.0.1:5433/postgres",
  SQS_QUEUE_URL: "http://127.0.0.1:4566/000000000000/selah-events",
  SQS_DLQ_URL: "http://127.0.0.1:4566/000000000000/selah-events-dlq",
  INNGEST_DEV: "http://127.0.0.1:8288",
  BETTER_AUTH_SECRET: "0123456789abcdef0123456789abcdef",
};

const problemsOf = (env: Env) => {
  try {
    parseEnv(serverEnvSchema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvError);
    return (error as InvalidEnvError).message;
  }
  throw new Error("expected the environment to be rejected");
};

describe("server env", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnv(serverEnvSchema, valid)).toMatchObject({
      S3_BUCKET: "selah-media",
      EMBEDDING_PROVIDER: "local-semantic",
      EMBEDDING_DIMENSIONS: 384,
    });
  });

  it("reports a bad value of a variable two schemas share once", () => {
    const message = problemsOf({ ...valid, EMBEDDING_PROVIDER: "bogus" });
    expect(message.match(/EMBEDDING_PROVIDER:/g)).toHaveLength(1);
  });

  it("names each bad variable and what it expects", () => {
    const message = problemsOf({
      ...valid,
      DATABASE_URL: "mysql://db",
      EMBEDDING_DIMENSIONS: "lots",
      SQS_DLQ_URL: undefined,
    });
    expect(message).toContain(
      'DATABASE_URL: expected a postgres:// or postgresql:// connection URL (got "mysql://db")',
    );
    expect(message).toContain('EMBEDDING_DIMENSIONS: expected a whole number (got "lots")');
    expect(message).toContain("SQS_DLQ_URL: is required");
  });

  it("requires Inngest keys outside dev mode", () => {
    expect(problemsOf({ ...valid, INNGEST_DEV: undefined })).toContain(
      "INNGEST_SIGNING_KEY: is required when INNGEST_DEV is not set",
    );
  });

  it("never echoes secrets", () => {
    const message = problemsOf({
      ...valid,
      DATABASE_URL: "postgresql://app:hunter2@db",
      INNGEST_DEV: "0",
      INNGEST_SIGNING_KEY: "nope-hunter2",
    });
    expect(message).not.toContain("hunter2");
  });
});
