import type { ServerEnv } from "@/lib/platform/config/server-env";
import { type Db, getDb } from "@/lib/platform/db/client";
import { checkDependencies, type HealthReport } from "@/lib/platform/health/check-dependencies";
import { readQueueDepths, type QueueDepths } from "@/lib/platform/queue/queue-depths";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { type OutboxBacklog, readOutboxBacklog } from "@/lib/pipeline/events/outbox-backlog";
import { detectWorkflowEngine } from "./workflow-engine";

/** A figure that could not be read carries the reason instead, so one outage hides nothing else. */
export type Reading<T> = { ok: true; value: T } | { ok: false; error: string };

export type OperationsOverview = {
  health: HealthReport;
  queues: Reading<QueueDepths>;
  outbox: Reading<OutboxBacklog>;
  engine:
    { kind: "embedded" } | { kind: "inngest"; dashboardUrl: string } | { kind: "unreachable" };
  checkedAt: Date;
};

/** The operator's overview: every dependency's health, queue depths and the outbox backlog. */
export async function loadOperationsOverview(
  env: ServerEnv,
  db: Db = getDb(),
): Promise<OperationsOverview> {
  const sqs = createSqsClient(env);
  try {
    const [health, queues, outbox, engine] = await Promise.all([
      checkDependencies(env),
      read(() =>
        readQueueDepths(sqs, {
          mainQueueUrl: env.SQS_QUEUE_URL,
          deadLetterQueueUrl: env.SQS_DLQ_URL,
        }),
      ),
      read(() => readOutboxBacklog(db)),
      detectWorkflowEngine(env),
    ]);
    return {
      health,
      queues,
      outbox,
      engine:
        engine.kind === "inngest"
          ? { kind: "inngest", dashboardUrl: engine.dashboardUrl }
          : { kind: engine.kind },
      checkedAt: new Date(),
    };
  } finally {
    sqs.destroy();
  }
}

async function read<T>(load: () => Promise<T>): Promise<Reading<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown error",
    };
  }
}
