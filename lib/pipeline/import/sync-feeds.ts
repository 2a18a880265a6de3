import type { Db } from "@/lib/platform/db/client";
import { startFeedImport } from "./start-feed-import";

/**
 * The hourly sync: an import of every feed kept in sync, each adding only what is new. A feed
 * whose import is still under way keeps that one. Returns how many imports were started.
 */
export async function startFeedSyncs(db: Db): Promise<{ feeds: number; started: number }> {
  const sources = await db.feedSource.findMany({
    where: { keepInSync: true },
    select: { churchId: true, url: true },
  });
  let started = 0;
  for (const source of sources) {
    const { isRunning } = await startFeedImport(db, source.churchId, { url: source.url }, "sync");
    if (!isRunning) started++;
  }
  return { feeds: sources.length, started };
}
