import { z } from "zod";
import { awsEnvSchema } from "@/lib/platform/config/aws-env";
import { inngestSenderEnvSchema } from "@/lib/platform/config/inngest-env";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { databaseUrlSchema } from "@/lib/platform/config/database-url";
import { telemetryEnvSchema } from "@/lib/platform/config/telemetry-env";

const whole = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(min, `expected ${min} to ${max}`)
    .max(max, `expected ${min} to ${max}`)
    .default(fallback);

/** The worker's own variables. */
export const workerOwnEnvSchema = z.object({
  WORKER_PORT: whole(0, 65535, 8289),
  WORKER_HOST: z.string().min(1).default("127.0.0.1"),
  WORKER_POLLERS: whole(1, 64, 4),
  WORKER_WAIT_TIME_SECONDS: whole(0, 20, 20),
  WORKER_FORWARD_TIMEOUT_MS: whole(100, 120_000, 10_000),
  WORKER_RETRY_BASE_SECONDS: whole(0, 3600, 5),
  WORKER_RETRY_MAX_SECONDS: whole(0, 43_200, 300),
  OUTBOX_RELAY: z.stringbool({ error: "expected true or false" }).default(true),
  OUTBOX_POLL_MS: whole(10, 60_000, 100),
  OUTBOX_RETENTION_DAYS: whole(0, 3650, 14),
});

/**
 * Everything the worker reads; queue, database and Inngest settings are shared with the app,
 * except that it sends events only: INNGEST_EVENT_KEY, never the signing key.
 */
export const workerEnvSchema = workerOwnEnvSchema
  .and(z.object({ DATABASE_URL: databaseUrlSchema }))
  .and(
    awsEnvSchema.pick({
      AWS_REGION: true,
      SQS_ENDPOINT: true,
      SQS_QUEUE_URL: true,
      SQS_DLQ_URL: true,
    }),
  )
  .and(inngestSenderEnvSchema)
  .and(telemetryEnvSchema);

export type WorkerEnv = z.output<typeof workerEnvSchema>;

export function readWorkerEnv(env: Env = process.env): WorkerEnv {
  return parseEnv(workerEnvSchema, env);
}
