import type { Db } from "@/lib/platform/db/client";

export type OutboxBacklog = {
  /** Rows the relay has not sent to the queue yet. */
  unsent: number;
  /** When the oldest unsent row was written, or null when there is none. */
  oldestCreatedAt: Date | null;
  /** Unsent rows whose sending has failed at least once, and the last error among them. */
  failing: number;
  lastError: string | null;
};

/** How many events the relay has not sent yet (the worker's `selah_worker_outbox_backlog`). */
export const countUnsentOutbox = (db: Db): Promise<number> =>
  db.outbox.count({ where: { sentAt: null } });

/** What waits in the outbox for the relay (outbox-relay.ts): single statements, no transaction. */
export async function readOutboxBacklog(db: Db): Promise<OutboxBacklog> {
  const [unsent, oldest, failing, lastFailure] = await Promise.all([
    countUnsentOutbox(db),
    db.outbox.findFirst({
      where: { sentAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { createdAt: true },
    }),
    db.outbox.count({ where: { sentAt: null, attempts: { gt: 0 } } }),
    db.outbox.findFirst({
      where: { sentAt: null, lastError: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { lastError: true },
    }),
  ]);
  return {
    unsent,
    oldestCreatedAt: oldest?.createdAt ?? null,
    failing,
    lastError: lastFailure?.lastError ?? null,
  };
}
