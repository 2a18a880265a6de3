import { sermonReindexRequested } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";

export type ReindexSelection = {
  churchSlug?: string;
  /** Only sermons with a moment embedded by another model than this one (or none embedded). */
  staleFor?: string;
};

/** Sermons that have a current transcript, hence can be indexed, within the selection. */
export async function sermonsToReindex(db: Db, selection: ReindexSelection) {
  const sermons = await db.sermon.findMany({
    where: {
      church: selection.churchSlug ? { slug: selection.churchSlug } : undefined,
      status: { in: ["streamable", "transcribed", "searchable"] },
      mediaVersion: { gte: 1 },
      transcripts: { some: { isCurrent: true } },
      ...(selection.staleFor
        ? {
            OR: [
              { chunks: { none: {} } },
              {
                chunks: {
                  some: {
                    OR: [{ embeddingModel: null }, { embeddingModel: { not: selection.staleFor } }],
                  },
                },
              },
            ],
          }
        : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, churchId: true, mediaVersion: true, title: true },
  });
  return sermons.map((s) => ({
    sermonId: s.id,
    churchId: s.churchId,
    mediaVersion: s.mediaVersion,
    title: s.title,
  }));
}

/**
 * Asks the pipeline to re-index sermons: one `sermon/reindex.requested` per sermon through
 * the outbox, all named by `requestId` so running the same request twice stays one run each.
 */
export async function requestReindex(
  db: Db,
  selection: ReindexSelection,
  requestId: string,
): Promise<number> {
  const sermons = await sermonsToReindex(db, selection);
  await db.$transaction(async (tx) => {
    for (const { sermonId, churchId, mediaVersion } of sermons) {
      await publishEvent(
        tx,
        sermonReindexRequested.build({ sermonId, churchId, mediaVersion, requestId }),
      );
    }
  });
  return sermons.length;
}
