import { feedImportContinued } from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { Db } from "@/lib/platform/db/client";
import { userMessageOf } from "@/lib/platform/errors/app-error";

/**
 * Items one run of the import-feed function imports before handing over to the next run:
 * each item is a step, and a run stays far below Inngest's 1,000 steps, however long the feed.
 */
export const ITEMS_PER_PAGE = 50;

/** The import's next items still to do, in feed order (an item cut off mid-fetch comes first again). */
export async function nextImportItems(
  db: Db,
  importId: string,
  limit = ITEMS_PER_PAGE,
): Promise<string[]> {
  const items = await db.feedItem.findMany({
    where: { importId, state: { in: ["queued", "fetching"] } },
    orderBy: { position: "asc" },
    select: { id: true },
    take: limit,
  });
  await db.feedImport.update({ where: { id: importId }, data: { updatedAt: new Date() } });
  return items.map((item) => item.id);
}

export interface ImportSummary {
  importId: string;
  itemCount: number;
  imported: number;
  skipped: number;
  failed: number;
}

/** Ends the import (it stops counting as under way) and sums up what became of its items. */
export async function finishFeedImport(db: Db, importId: string): Promise<ImportSummary> {
  const feedImport = await db.feedImport.update({
    where: { id: importId },
    data: { status: "finished", finishedAt: new Date() },
  });
  return summarizeImport(db, feedImport);
}

/**
 * Ends an import that could not go on (the feed was unreadable, the run gave up): the reason
 * is kept for the admin. Items it had not reached are taken up by the next import.
 */
export async function failFeedImport(db: Db, importId: string, error: unknown): Promise<void> {
  await db.feedImport.updateMany({
    where: { id: importId, status: { not: "finished" } },
    data: {
      status: "failed",
      finishedAt: new Date(),
      failureReason: userMessageOf(error, "The import stopped on an unexpected error."),
    },
  });
}

async function summarizeImport(
  db: Db,
  feedImport: { id: string; itemCount: number | null; skippedCount: number },
): Promise<ImportSummary> {
  const states = await db.feedItem.groupBy({
    by: ["state"],
    where: { importId: feedImport.id },
    _count: true,
  });
  const count = (state: string) => states.find((row) => row.state === state)?._count ?? 0;
  return {
    importId: feedImport.id,
    itemCount: feedImport.itemCount ?? 0,
    imported: count("imported"),
    skipped: feedImport.skippedCount,
    failed: count("failed"),
  };
}

/** Hands the import's remaining items to a fresh run (`feed/import.continued`), through the outbox. */
export async function continueFeedImport(
  db: Db,
  next: { churchId: string; importId: string; page: number },
): Promise<void> {
  await db.$transaction((tx) => publishEvent(tx, feedImportContinued.build(next)));
}
