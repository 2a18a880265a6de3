import type { Db } from "@/lib/platform/db/client";

/**
 * Deletes outbox rows sent before `sentBefore`, at most `limit` per call so one call never holds
 * the (embedded, one-transaction-at-a-time) database for long. Returns how many went.
 * Unsent rows are never touched.
 */
export async function pruneSentOutbox(db: Db, sentBefore: Date, limit = 1000): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Outbox" WHERE "id" IN (
      SELECT "id" FROM "Outbox" WHERE "sentAt" IS NOT NULL AND "sentAt" < ${sentBefore} LIMIT ${limit}
    )`;
}
