import type { PipelineEvent } from "@/inngest/events";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The Prisma client or an interactive transaction: whatever holds the caller's domain write. */
export type OutboxWriter = Pick<Prisma.TransactionClient, "outbox">;

/**
 * Publishes a pipeline event: writes it to the outbox inside the caller's transaction, so the
 * event exists exactly when the domain change it announces does. The outbox relay in the worker
 * sends it to SQS. Returns false when an event with this id was already published (a re-send of
 * the same event is a duplicate, not a new pipeline run).
 */
export async function publishEvent(tx: OutboxWriter, event: PipelineEvent): Promise<boolean> {
  const { count } = await tx.outbox.createMany({
    data: [{ eventId: event.id, name: event.name, payload: event.data as Prisma.InputJsonObject }],
    skipDuplicates: true,
  });
  return count === 1;
}
