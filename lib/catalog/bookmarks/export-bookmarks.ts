import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { bookmarksFileName } from "./bookmarks-file-name";
import { bookmarksMarkdown } from "./bookmarks-markdown";
import { NO_SUCH_SERMON } from "./add-bookmark";
import { listBookmarks } from "./list-bookmarks";

/**
 * This listener's bookmarks in a sermon listeners can see (404 otherwise) as a Markdown file
 * (bookmarksMarkdown), its links absolute on `origin` (lib/platform/http/public-origin.ts).
 */
export async function exportBookmarks(
  listenerId: string,
  sermonId: string,
  origin: string,
): Promise<{ fileName: string; markdown: string }> {
  const sermon = await getDb().sermon.findFirst({
    where: { id: sermonId, ...publiclyVisibleWhere(new Date()) },
    select: { slug: true, title: true, church: { select: { slug: true } } },
  });
  if (!sermon) throw AppError.notFound(NO_SUCH_SERMON);
  const path = sermonPagePath(sermon.church.slug, sermon.slug);
  const bookmarks = await listBookmarks(listenerId, sermonId);
  return {
    fileName: bookmarksFileName(path),
    markdown: bookmarksMarkdown({
      title: sermon.title,
      pageUrl: new URL(path, origin).toString(),
      bookmarks,
    }),
  };
}
