import type { PipelineEvent } from "@/lib/pipeline/events/pipeline-events";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { currentTraceparent } from "@/lib/platform/telemetry/trace-context";

/** The Prisma client or an interactive transaction: whatever holds the caller's domain write. */
export type OutboxWriter = Pick<Prisma.TransactionClient, "outbox">;

/**
 * Publishes pipeline events: writes them to the outbox inside the caller's transaction (one
 * statement however many), so an event exists exactly when the domain change it announces does.
 * The outbox relay in the worker sends them to SQS. Returns how many were new: an event whose id
 * was already published is a duplicate, not a new pipeline run, and is skipped. Each row keeps
 * the current trace (`traceparent`), so the run it starts continues the publisher's trace.
 */
export async function publishEvent(
  tx: OutboxWriter,
  events: PipelineEvent | PipelineEvent[],
): Promise<number> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return 0;
  const traceparent = currentTraceparent() ?? null;
  const { count } = await tx.outbox.createMany({
    data: list.map((event) => ({
      eventId: event.id,
      name: event.name,
      payload: event.data as Prisma.InputJsonObject,
      traceparent,
    })),
    skipDuplicates: true,
  });
  return count;
}
