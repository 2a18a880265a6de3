import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";

/**
 * Deletes one of this listener's bookmarks. Another listener's (or an unknown id) is a 404, the
 * same answer either way, so ids cannot be probed.
 */
export async function deleteBookmark(listenerId: string, bookmarkId: string): Promise<void> {
  const { count } = await getDb().bookmark.deleteMany({ where: { id: bookmarkId, listenerId } });
  if (count === 0) throw AppError.notFound("No such bookmark: it may already be deleted.");
}
