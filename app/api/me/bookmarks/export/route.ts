// /api/me/bookmarks/export?sermonId=… — the listener's bookmarks in a sermon as a Markdown
// download: the title, then `- [12:34](<absolute link to the moment>) note` per bookmark.
import { exportBookmarks } from "@/lib/catalog/bookmarks/export-bookmarks";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { listenerRoute } from "../../_lib/listener-route";
import { sermonIdParam } from "../../_lib/sermon-id-param";

export const dynamic = "force-dynamic";

export const GET = listenerRoute(async ({ request, listener }) => {
  const { fileName, markdown } = await exportBookmarks(
    listener.id,
    sermonIdParam(request),
    publicOrigin(request.headers, request.url),
  );
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
