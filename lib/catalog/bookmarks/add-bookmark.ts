import { MAX_POSITION_MS } from "@/lib/catalog/listening/progress-position";
import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { BOOKMARK_LIMITS } from "./bookmark-limits";
import { takeBookmarkWrite } from "./bookmark-write-limit";
import { type SavedBookmark, toSavedBookmark } from "./saved-bookmark";

export const NO_SUCH_SERMON = "No such sermon: it may have been unpublished or removed.";

/**
 * Bookmarks a moment of a sermon listeners can see (404 otherwise) for this listener: past the
 * sermon's end clamped to it (a day while its length is unknown), within the caps of
 * BOOKMARK_LIMITS (409 saying which). Rate-limited per listener before the database is touched;
 * the listener's row is locked while counting, so two requests at once cannot both take the
 * last place under a cap.
 */
export async function addBookmark(
  listenerId: string,
  sermonId: string,
  input: { positionMs: number; note: string },
): Promise<SavedBookmark> {
  takeBookmarkWrite(listenerId);
  return getDb().$transaction(async (tx) => {
    const sermon = await tx.sermon.findFirst({
      where: { id: sermonId, ...publiclyVisibleWhere(new Date()) },
      select: { durationMs: true },
    });
    if (!sermon) throw AppError.notFound(NO_SUCH_SERMON);
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${listenerId} FOR UPDATE`;
    const [inSermon, total] = await Promise.all([
      tx.bookmark.count({ where: { listenerId, sermonId } }),
      tx.bookmark.count({ where: { listenerId } }),
    ]);
    if (inSermon >= BOOKMARK_LIMITS.perSermon)
      throw AppError.conflict(
        `This sermon already has ${BOOKMARK_LIMITS.perSermon.toLocaleString("en")} of your bookmarks, the most it can keep. Delete some to add more.`,
      );
    if (total >= BOOKMARK_LIMITS.total)
      throw AppError.conflict(
        `You have ${BOOKMARK_LIMITS.total.toLocaleString("en")} bookmarks, the most an account can keep. Delete some to add more.`,
      );
    const end =
      sermon.durationMs !== null && sermon.durationMs > 0 ? sermon.durationMs : MAX_POSITION_MS;
    const row = await tx.bookmark.create({
      data: { listenerId, sermonId, positionMs: Math.min(input.positionMs, end), note: input.note },
    });
    return toSavedBookmark(row);
  });
}
