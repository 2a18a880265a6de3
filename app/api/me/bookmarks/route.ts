// /api/me/bookmarks — the signed-in listener's bookmarks.
//   GET    ?sermonId=…                          → { items: [{ id, sermonId, positionMs, note, createdAt }] },
//                                                  earliest moment first
//   POST   ?sermonId=… { positionMs, note? }    → 201 the bookmark (past the end: clamped to it;
//                                                  the note made one line of at most 500 characters)
//   DELETE [?sermonId=…]                        → 204: clears one sermon's bookmarks, or all of them
import { addBookmark } from "@/lib/catalog/bookmarks/add-bookmark";
import { BOOKMARK_LIMITS } from "@/lib/catalog/bookmarks/bookmark-limits";
import { forgetBookmarks } from "@/lib/catalog/bookmarks/forget-bookmarks";
import { listBookmarks } from "@/lib/catalog/bookmarks/list-bookmarks";
import { parseBookmarkBody } from "@/lib/catalog/bookmarks/parse-bookmark-body";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { listenerRoute } from "../_lib/listener-route";
import { sermonIdParam } from "../_lib/sermon-id-param";

export const dynamic = "force-dynamic";

export const GET = listenerRoute(async ({ request, listener }) => ({
  items: await listBookmarks(listener.id, sermonIdParam(request)),
}));

export const POST = listenerRoute(async ({ request, listener }) => {
  const sermonId = sermonIdParam(request);
  const json = await readJsonBody(request, {
    maxBytes: BOOKMARK_LIMITS.maxBodyBytes,
    shape: '{ "positionMs": n, "note": "…" }',
  });
  const bookmark = await addBookmark(listener.id, sermonId, parseBookmarkBody(json));
  return Response.json(bookmark, { status: 201 });
});

export const DELETE = listenerRoute(async ({ request, listener }) => {
  const sermonId = new URL(request.url).searchParams.get("sermonId");
  await forgetBookmarks(listener.id, sermonId ?? undefined);
  return null;
});
