import { getDb } from "@/lib/platform/db/client";

/** Clears this listener's bookmarks: one sermon's, or (no sermon) all of them. */
export async function forgetBookmarks(listenerId: string, sermonId?: string): Promise<number> {
  const { count } = await getDb().bookmark.deleteMany({
    where: { listenerId, ...(sermonId === undefined ? {} : { sermonId }) },
  });
  return count;
}
