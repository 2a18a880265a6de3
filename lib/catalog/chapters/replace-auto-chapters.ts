import { invalidateSermonPage } from "@/lib/catalog/listener-cache/invalidate-sermon-page";
import type { Db } from "@/lib/platform/db/client";
import type { ListenerChapter } from "./chapter-queries";

export type AutoChaptersOutcome = "replaced" | "kept-admin-chapters";

/**
 * Makes `chapters` (found in transcript `transcriptId`) the sermon's automatic chapters,
 * replacing earlier automatic ones in one transaction, unless an admin has edited the sermon's
 * chapters: then every chapter is theirs and stays as it is.
 */
export async function replaceAutoChapters(
  db: Db,
  sermonId: string,
  transcriptId: string,
  chapters: readonly ListenerChapter[],
): Promise<AutoChaptersOutcome> {
  const outcome = await db.$transaction(async (tx): Promise<AutoChaptersOutcome> => {
    const edited = await tx.chapter.count({ where: { sermonId, source: "admin" } });
    if (edited > 0) return "kept-admin-chapters";
    await tx.chapter.deleteMany({ where: { sermonId } });
    await tx.chapter.createMany({
      data: chapters.map((chapter) => ({
        sermonId,
        transcriptId,
        startMs: chapter.startMs,
        title: chapter.title,
        source: "auto" as const,
      })),
      skipDuplicates: true,
    });
    return "replaced";
  });
  if (outcome === "replaced") await invalidateSermonPage(db, sermonId);
  return outcome;
}
