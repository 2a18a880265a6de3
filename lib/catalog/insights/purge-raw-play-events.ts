import type { Db } from "@/lib/platform/db/client";
import { rollUpListening } from "./roll-up-listening";
import { utcDay } from "./utc-day";

/**
 * Deletes raw play reports of days more than `keepDays` ago (ANALYTICS_RAW_EVENT_DAYS), after
 * a last rollup, so their counts stay in the daily rollups and their listener hashes are gone.
 * With keepDays = 2, on Wednesday its own and Tuesday's reports remain, Monday's go.
 */
export async function purgeRawPlayEvents(
  db: Db,
  options: { keepDays: number; now?: Date },
): Promise<{ purged: number }> {
  await rollUpListening(db);
  const before = utcDay(options.now ?? new Date(), -options.keepDays + 1);
  const { count } = await db.playEvent.deleteMany({ where: { day: { lt: before } } });
  return { purged: count };
}
