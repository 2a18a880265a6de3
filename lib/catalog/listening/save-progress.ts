import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { settlePosition } from "./progress-position";
import { takeProgressWrite } from "./progress-write-limit";
import { type SavedProgress, toSavedProgress } from "./saved-progress";

export const NO_SUCH_SERMON = "No such sermon: it may have been unpublished or removed.";

/**
 * Saves where this listener is in a sermon listeners can see (404 otherwise), past its end
 * clamped to it (settlePosition). Rate-limited per listener before the database is touched.
 */
export async function saveProgress(
  listenerId: string,
  sermonId: string,
  positionMs: number,
): Promise<SavedProgress> {
  takeProgressWrite(listenerId);
  const db = getDb();
  const sermon = await db.sermon.findFirst({
    where: { id: sermonId, ...publiclyVisibleWhere(new Date()) },
    select: { durationMs: true },
  });
  if (!sermon) throw AppError.notFound(NO_SUCH_SERMON);
  const settled = settlePosition(positionMs, sermon.durationMs);
  const row = await db.playbackProgress.upsert({
    where: { listenerId_sermonId: { listenerId, sermonId } },
    create: { listenerId, sermonId, ...settled },
    update: settled,
    select: { positionMs: true, updatedAt: true },
  });
  return toSavedProgress(row);
}
