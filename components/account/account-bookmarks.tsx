"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BookmarkedSermon } from "@/lib/catalog/bookmarks/list-bookmarked-sermons";

/** The account page's bookmarks: the sermons with some (each page lists them), or clear all. */
export function AccountBookmarks({ items }: { items: BookmarkedSermon[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const clear = async () => {
    if (!window.confirm("Delete all your bookmarks and their notes?")) return;
    setBusy(true);
    setError(null);
    const response = await fetch("/api/me/bookmarks", { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.ok) router.refresh();
    else setError("Your bookmarks could not be deleted; try again.");
  };

  if (items.length === 0)
    return (
      <p className="mt-4 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">
        None yet. Press B while a sermon plays to bookmark the moment, with a note if you like.
      </p>
    );
  return (
    <>
      <ul
        aria-label="Bookmarked sermons"
        className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white"
      >
        {items.map((item) => (
          <li key={item.sermonId} className="flex items-center gap-4 px-4 py-3 sm:px-5">
            <div className="min-w-0 flex-1">
              <Link
                href={item.path}
                className="block truncate font-medium text-stone-900 hover:text-amber-800"
              >
                {item.title}
              </Link>
              <p className="mt-0.5 truncate text-xs text-stone-500">
                {item.churchName} · {item.count} {item.count === 1 ? "bookmark" : "bookmarks"}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex items-center justify-between gap-3">
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : (
          <span />
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void clear()}
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        >
          Clear bookmarks
        </button>
      </div>
    </>
  );
}
