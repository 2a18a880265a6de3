import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { isWorkingImport } from "./active-imports";
import type { ImportDeps } from "./import-deps";
import type { FeedEntry } from "./parse-podcast-feed";
import { readFeed } from "./read-feed";

/** Items are written (and looked up) this many at a time, however long the feed. */
export const REGISTER_PAGE = 500;

export interface RegisteredFeed {
  itemCount: number;
  /** Items this import will fetch: new ones, and ones an earlier import failed on. */
  queuedCount: number;
  /** Items imported before (or being imported by another import that is still working). */
  skippedCount: number;
}

/**
 * The import's first step: reads the feed and records its items, page by page. An item not
 * known yet (by its guid, or its enclosure URL) is queued for this import; one that an earlier
 * import failed on (or that a stopped import left unfinished) is queued again, with the feed's
 * current details; every other known item is skipped. `onSkipped` hears of each skipped item
 * (the CLI prints them). Run again (a retried step), it finds its own items and counts them
 * again. A feed that cannot be read throws (FetchRefusedError, FeedRejectedError, …).
 */
export async function registerFeedItems(
  deps: ImportDeps,
  importId: string,
  onSkipped?: (entry: FeedEntry) => void,
): Promise<RegisteredFeed> {
  const { db } = deps;
  const feedImport = await db.feedImport.findUnique({
    where: { id: importId },
    include: { source: { select: { url: true } } },
  });
  if (!feedImport) throw AppError.notFound("That import no longer exists.");
  if (feedImport.status === "finished" || feedImport.status === "failed")
    throw AppError.conflict("That import has already ended; start a new one.");
  const { churchId } = feedImport;
  await db.feedImport.update({ where: { id: importId }, data: { status: "reading" } });

  const { entries } = await readFeed(feedImport.source.url, deps.env);
  let queuedCount = 0;
  for (let start = 0; start < entries.length; start += REGISTER_PAGE) {
    const page = entries.slice(start, start + REGISTER_PAGE);
    const known = await db.feedItem.findMany({
      where: { churchId, key: { in: page.map((entry) => entry.key) } },
      select: {
        id: true,
        key: true,
        state: true,
        importId: true,
        import: { select: { status: true, updatedAt: true } },
      },
    });
    const knownByKey = new Map(known.map((item) => [item.key, item]));
    const fresh: Prisma.FeedItemCreateManyInput[] = [];
    const retried: { id: string; data: Prisma.FeedItemUpdateInput }[] = [];
    for (const [offset, entry] of page.entries()) {
      const position = start + offset;
      const item = knownByKey.get(entry.key);
      if (!item) {
        fresh.push({ churchId, importId, position, ...itemDetails(entry) });
      } else if (item.importId === importId) {
        queuedCount++;
      } else if (
        item.state === "failed" ||
        (item.state !== "imported" && !isWorkingImport(item.import))
      ) {
        retried.push({
          id: item.id,
          data: {
            import: { connect: { id: importId } },
            position,
            state: "queued",
            bytesFetched: 0,
            bytesTotal: null,
            failureReason: null,
            ...itemDetails(entry),
          },
        });
      } else {
        onSkipped?.(entry);
      }
    }
    // Another import may record the same new item meanwhile: the one that does, fetches it.
    const { count } = await db.feedItem.createMany({ data: fresh, skipDuplicates: true });
    queuedCount += count;
    for (const { id, data } of retried) {
      await db.feedItem.update({ where: { id }, data });
      queuedCount++;
    }
    await db.feedImport.update({ where: { id: importId }, data: { itemCount: entries.length } });
  }
  const skippedCount = entries.length - queuedCount;
  await db.feedImport.update({
    where: { id: importId },
    data: { status: "importing", itemCount: entries.length, skippedCount },
  });
  return { itemCount: entries.length, queuedCount, skippedCount };
}

function itemDetails(entry: FeedEntry) {
  return {
    key: entry.key,
    title: entry.title,
    description: entry.description,
    publishedAt: entry.publishedAt,
    speaker: entry.speaker,
    series: entry.series,
    tags: entry.tags,
    enclosureUrl: entry.enclosureUrl,
    transcriptUrl: entry.transcript?.url ?? null,
    transcriptType: entry.transcript?.type ?? null,
  };
}
