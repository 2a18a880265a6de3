import { momentUrl } from "@/lib/catalog/transcripts/transcript-navigation";
import { formatDuration } from "@/lib/platform/text/format";
import { escapeMarkdown } from "./escape-markdown";

// A parenthesis in the address would end the link early.
const linkDestination = (url: string) => url.replace(/\(/g, "%28").replace(/\)/g, "%29");

/**
 * A sermon's bookmarks as a Markdown file: its title as the heading, a link to its page, then
 * one list item per bookmark, `- [12:34](<the page at that moment>) note`. The same for an
 * account's bookmarks (GET /api/me/bookmarks/export) and a browser's (built in the browser).
 * `pageUrl` is the sermon page's absolute URL, so the links work from wherever the file goes.
 */
export function bookmarksMarkdown(sermon: {
  title: string;
  pageUrl: string;
  bookmarks: readonly { positionMs: number; note: string }[];
}): string {
  const items = sermon.bookmarks.map((bookmark) => {
    const url = momentUrl(sermon.pageUrl, bookmark.positionMs / 1000);
    const link = `[${formatDuration(bookmark.positionMs)}](${linkDestination(url)})`;
    return bookmark.note ? `- ${link} ${escapeMarkdown(bookmark.note)}` : `- ${link}`;
  });
  return [
    `# ${escapeMarkdown(sermon.title.replace(/\s+/gu, " ").trim())}`,
    "",
    `Bookmarks in <${sermon.pageUrl}>`,
    "",
    ...(items.length > 0 ? items : ["No bookmarks yet."]),
    "",
  ].join("\n");
}
