import { inngestApiBaseUrl } from "@/lib/platform/config/inngest-env";
import type { WorkerEnv } from "./env";
import type { WorkerLog } from "./worker-log";
import type { WorkerConfig } from "./start-worker";

/** Turns the validated environment into the worker's settings. */
export function workerConfigFromEnv(env: WorkerEnv, log: WorkerLog): WorkerConfig {
  const isDev =
    env.INNGEST_DEV !== undefined && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false";
  return {
    databaseUrl: env.DATABASE_URL,
    sqs: {
      region: env.AWS_REGION,
      endpoint: env.SQS_ENDPOINT,
      mainQueueUrl: env.SQS_QUEUE_URL,
      deadLetterQueueUrl: env.SQS_DLQ_URL,
    },
    // Cloud mode keeps the SDK's own event API origin (it differs from the REST API's).
    inngest: isDev
      ? { isDev, baseUrl: inngestApiBaseUrl(env) }
      : { isDev, baseUrl: env.INNGEST_BASE_URL, eventKey: env.INNGEST_EVENT_KEY },
    pollers: env.WORKER_POLLERS,
    waitTimeSeconds: env.WORKER_WAIT_TIME_SECONDS,
    forwardTimeoutMs: env.WORKER_FORWARD_TIMEOUT_MS,
    retry: { baseSeconds: env.WORKER_RETRY_BASE_SECONDS, maxSeconds: env.WORKER_RETRY_MAX_SECONDS },
    relay: {
      isEnabled: env.OUTBOX_RELAY,
      pollMs: env.OUTBOX_POLL_MS,
      retentionDays: env.OUTBOX_RETENTION_DAYS,
    },
    http: { host: env.WORKER_HOST, port: env.WORKER_PORT },
    log,
  };
}
