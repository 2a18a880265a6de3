import { invalidateSermonPage } from "@/lib/catalog/listener-cache/invalidate-sermon-page";
import { type Db, getDb } from "@/lib/platform/db/client";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { formatDuration } from "@/lib/platform/text/format";
import { FormError } from "@/lib/platform/validation/form-result";
import type { ChapterChange, ChapterRef, NewChapter } from "./chapter-input";

type Tx = Prisma.TransactionClient;

const sermonNotFound = () => AppError.notFound("That sermon does not exist in this church.");
const chapterNotFound = () =>
  AppError.notFound(
    "That chapter no longer exists; reload the page to see the chapters as they are.",
  );

/**
 * The sermon, if it is the church's; its length bounds where a chapter may start. An admin's
 * edit makes every chapter of the sermon the admin's: the set is theirs now, and no later
 * automatic run replaces any of it (`replaceAutoChapters`).
 */
async function adoptChapters(tx: Tx, churchId: string, sermonId: string) {
  const sermon = await tx.sermon.findFirst({
    where: { id: sermonId, churchId },
    select: { id: true, durationMs: true },
  });
  if (!sermon) throw sermonNotFound();
  await tx.chapter.updateMany({
    where: { sermonId, source: "auto" },
    data: { source: "admin" },
  });
  return sermon;
}

async function checkStart(
  tx: Tx,
  sermon: { id: string; durationMs: number | null },
  startMs: number,
  exceptChapterId?: string,
) {
  if (sermon.durationMs === null)
    throw new FormError(
      { start: ["Chapters can be placed once the recording is processed."] },
      "The recording is not processed yet.",
    );
  if (startMs >= sermon.durationMs)
    throw new FormError({
      start: [
        `The recording is ${formatDuration(sermon.durationMs)} long; start the chapter before its end.`,
      ],
    });
  const taken = await tx.chapter.findFirst({
    where: {
      sermonId: sermon.id,
      startMs,
      ...(exceptChapterId ? { NOT: { id: exceptChapterId } } : {}),
    },
    select: { title: true },
  });
  if (taken)
    throw new FormError({
      start: [`“${taken.title}” already starts at ${formatDuration(startMs)}.`],
    });
}

/** Adds an admin's chapter to a sermon of the church. */
export async function addChapter(db: Db, churchId: string, input: NewChapter): Promise<string> {
  const id = await db.$transaction(async (tx) => {
    const sermon = await adoptChapters(tx, churchId, input.sermonId);
    await checkStart(tx, sermon, input.start);
    const created = await tx.chapter.create({
      data: { sermonId: sermon.id, startMs: input.start, title: input.title, source: "admin" },
      select: { id: true },
    });
    return created.id;
  });
  await invalidateSermonPage(db, input.sermonId);
  return id;
}

/** Renames a chapter, moves it, or both. Returns false when nothing changed. */
export async function changeChapter(
  db: Db,
  churchId: string,
  input: ChapterChange,
): Promise<boolean> {
  const changed = await db.$transaction(async (tx) => {
    const chapter = await tx.chapter.findFirst({
      where: { id: input.chapterId, sermonId: input.sermonId, sermon: { churchId } },
      select: { startMs: true, title: true },
    });
    if (!chapter) throw chapterNotFound();
    if (chapter.startMs === input.start && chapter.title === input.title) return false;
    const sermon = await adoptChapters(tx, churchId, input.sermonId);
    await checkStart(tx, sermon, input.start, input.chapterId);
    await tx.chapter.update({
      where: { id: input.chapterId },
      data: { startMs: input.start, title: input.title },
    });
    return true;
  });
  if (changed) await invalidateSermonPage(db, input.sermonId);
  return changed;
}

/**
 * Deletes a chapter. The others stay the admin's; deleting the last one hands the sermon back
 * to automatic chapters, which its next transcript (or correction) brings.
 */
export async function deleteChapter(db: Db, churchId: string, input: ChapterRef): Promise<void> {
  await db.$transaction(async (tx) => {
    const chapter = await tx.chapter.findFirst({
      where: { id: input.chapterId, sermonId: input.sermonId, sermon: { churchId } },
      select: { id: true },
    });
    if (!chapter) throw chapterNotFound();
    await adoptChapters(tx, churchId, input.sermonId);
    await tx.chapter.delete({ where: { id: chapter.id } });
  });
  await invalidateSermonPage(db, input.sermonId);
}

/** For admin actions: the edits above on this process's database. */
export const addChurchChapter = (churchId: string, input: NewChapter) =>
  addChapter(getDb(), churchId, input);
export const changeChurchChapter = (churchId: string, input: ChapterChange) =>
  changeChapter(getDb(), churchId, input);
export const deleteChurchChapter = (churchId: string, input: ChapterRef) =>
  deleteChapter(getDb(), churchId, input);
