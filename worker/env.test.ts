import { describe, expect, it } from "vitest";
import { type Env, InvalidEnvError } from "@/lib/platform/config/parse-env";
import { readWorkerEnv } from "./env";
import { workerConfigFromEnv } from "./worker-config";
import { silentLog } from "./worker-log";

const base = {
  DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5433/postgres",
  SQS_QUEUE_URL: "http://127.0.0.1:4566/000000000000/selah-events",
  SQS_DLQ_URL: "http://127.0.0.1:4566/000000000000/selah-events-dlq",
  INNGEST_DEV: "http://127.0.0.1:8288",
} satisfies Env;

describe("worker env", () => {
  it("fills defaults: port 8289, four pollers, 20 s long polls, relay on", () => {
    const config = workerConfigFromEnv(readWorkerEnv(base), silentLog);
    expect(config).toMatchObject({
      http: { port: 8289 },
      pollers: 4,
      waitTimeSeconds: 20,
      forwardTimeoutMs: 10_000,
      relay: { isEnabled: true },
      inngest: { isDev: true, baseUrl: "http://127.0.0.1:8288" },
    });
  });

  it("keeps the SDK's own event API origin in cloud mode, with the event key and no signing key", () => {
    const env = readWorkerEnv({
      ...base,
      INNGEST_DEV: undefined,
      INNGEST_EVENT_KEY: "ek",
    });
    expect(workerConfigFromEnv(env, silentLog).inngest).toEqual({
      isDev: false,
      baseUrl: undefined,
      eventKey: "ek",
    });
  });

  it("needs the event key outside dev mode", () => {
    expect(() => readWorkerEnv({ ...base, INNGEST_DEV: undefined })).toThrow(
      "INNGEST_EVENT_KEY: is required when INNGEST_DEV is not set",
    );
  });

  it("names each bad variable", () => {
    expect(() =>
      readWorkerEnv({
        ...base,
        WORKER_POLLERS: "0",
        WORKER_WAIT_TIME_SECONDS: "30",
        SQS_DLQ_URL: undefined,
      }),
    ).toThrow(InvalidEnvError);
    try {
      readWorkerEnv({
        ...base,
        WORKER_POLLERS: "0",
        WORKER_WAIT_TIME_SECONDS: "30",
        SQS_DLQ_URL: undefined,
      });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('WORKER_POLLERS: expected 1 to 64 (got "0")');
      expect(message).toContain('WORKER_WAIT_TIME_SECONDS: expected 0 to 20 (got "30")');
      expect(message).toContain("SQS_DLQ_URL: is required");
    }
  });
});
