import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";
import { type SavedProgress, toSavedProgress } from "./saved-progress";

/** This listener's saved place in a sermon listeners can see; null when none is saved. */
export async function getProgress(
  listenerId: string,
  sermonId: string,
): Promise<SavedProgress | null> {
  const row = await getDb().playbackProgress.findFirst({
    where: { listenerId, sermonId, sermon: publiclyVisibleWhere(new Date()) },
    select: { positionMs: true, updatedAt: true },
  });
  return row && toSavedProgress(row);
}
