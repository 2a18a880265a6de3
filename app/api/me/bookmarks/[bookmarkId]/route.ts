// /api/me/bookmarks/{bookmarkId}
//   DELETE → 204; 404 when it is not one of this listener's bookmarks
import { deleteBookmark } from "@/lib/catalog/bookmarks/delete-bookmark";
import { listenerRoute } from "../../_lib/listener-route";

export const dynamic = "force-dynamic";

export const DELETE = listenerRoute<{ bookmarkId: string }>(async ({ params, listener }) => {
  await deleteBookmark(listener.id, params.bookmarkId);
  return null;
});
