import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";
import { BOOKMARK_LIMITS } from "./bookmark-limits";
import { type SavedBookmark, toSavedBookmark } from "./saved-bookmark";

/**
 * This listener's bookmarks in one sermon listeners can see, in the sermon's order (earliest
 * moment first); none for a sermon they cannot see or another listener's marks.
 */
export async function listBookmarks(
  listenerId: string,
  sermonId: string,
): Promise<SavedBookmark[]> {
  const rows = await getDb().bookmark.findMany({
    where: { listenerId, sermonId, sermon: publiclyVisibleWhere(new Date()) },
    orderBy: [{ positionMs: "asc" }, { createdAt: "asc" }],
    take: BOOKMARK_LIMITS.perSermon,
  });
  return rows.map(toSavedBookmark);
}
