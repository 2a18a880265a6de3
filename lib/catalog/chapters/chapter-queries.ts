import { type Db, getDb } from "@/lib/platform/db/client";
import type { ChapterSource } from "@/lib/platform/db/generated/prisma/enums";

/** A chapter as listeners and podcast apps see it. */
export interface ListenerChapter {
  startMs: number;
  title: string;
}

/** A chapter as the admin's chapter list edits it. */
export interface AdminChapter extends ListenerChapter {
  id: string;
  source: ChapterSource;
}

/**
 * A sermon's chapters in order, those that start within its recording (a newer, shorter upload
 * may leave an admin's chapter past the end, kept for a longer one again but never shown).
 * Callers check the sermon is visible.
 */
export async function listChapters(
  db: Db,
  sermonId: string,
  durationMs: number | null,
): Promise<ListenerChapter[]> {
  return db.chapter.findMany({
    where: {
      sermonId,
      ...(durationMs !== null ? { startMs: { lt: durationMs } } : {}),
    },
    orderBy: { startMs: "asc" },
    select: { startMs: true, title: true },
  });
}

/** The listener page's chapters (see `listChapters`), on this process's database. */
export const getChaptersForListener = (sermonId: string, durationMs: number | null) =>
  listChapters(getDb(), sermonId, durationMs);

/** The admin's chapter list for a sermon of the church: every chapter, past the end too. */
export async function getChaptersForAdmin(
  churchId: string,
  sermonId: string,
): Promise<AdminChapter[]> {
  return getDb().chapter.findMany({
    where: { sermonId, sermon: { churchId } },
    orderBy: { startMs: "asc" },
    select: { id: true, startMs: true, title: true, source: true },
  });
}
