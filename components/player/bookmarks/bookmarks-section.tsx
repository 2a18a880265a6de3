"use client";

import { usePlayback } from "@/components/listener/playback-context";
import { formatDuration } from "@/lib/platform/text/format";
import { useBookmarks } from "./bookmarks-context";

const linkClass =
  "inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium text-amber-800 hover:bg-amber-50";

/**
 * The sermon page's "Bookmarks": the listener's marks in this sermon, earliest first, each
 * playing from its moment or deleted, and the Markdown export. Notes are shown as text.
 */
export function BookmarksSection() {
  const bookmarks = useBookmarks();
  const playback = usePlayback();
  if (!bookmarks) return null;
  const { items, store } = bookmarks;
  return (
    <section
      aria-labelledby="bookmarks-heading"
      className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="bookmarks-heading" className="text-lg font-semibold tracking-tight text-stone-900">
          Bookmarks
        </h2>
        {items.length > 0 &&
          (bookmarks.exportHref ? (
            <a href={bookmarks.exportHref} download className={linkClass}>
              Export as Markdown
            </a>
          ) : (
            <button type="button" onClick={bookmarks.exportHere} className={linkClass}>
              Export as Markdown
            </button>
          ))}
      </div>
      <p className="mt-1 text-xs text-stone-600">
        {store === "account"
          ? "Kept in your account."
          : "Kept in this browser. Sign in to keep them in your account."}
      </p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">
          None yet. Press B, or Bookmark in the player, to mark a moment and add a note.
        </p>
      ) : (
        <ul aria-label="Your bookmarks" className="mt-3 divide-y divide-stone-100">
          {items.map((bookmark) => {
            const at = formatDuration(bookmark.positionMs);
            return (
              <li key={bookmark.id} className="flex items-start gap-3 py-2" data-testid="bookmark">
                <button
                  type="button"
                  onClick={() => playback.seek(bookmark.positionMs / 1000, { play: true })}
                  className="shrink-0 rounded-md bg-amber-50 px-2 py-1 font-mono text-sm font-medium tabular-nums text-amber-900 hover:bg-amber-100"
                >
                  <span className="sr-only">Play from </span>
                  {at}
                </button>
                <p className="min-w-0 flex-1 break-words pt-1 text-sm text-stone-800">
                  {bookmark.note || <span className="text-stone-500">No note</span>}
                </p>
                <button
                  type="button"
                  onClick={() => void bookmarks.remove(bookmark)}
                  aria-label={`Delete the bookmark at ${at}`}
                  className="shrink-0 rounded-lg px-2 py-1 text-sm font-medium text-stone-600 hover:bg-stone-100"
                >
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
