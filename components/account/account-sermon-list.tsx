"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";

type ListedSermon = { sermonId: string; path: string; title: string; churchName: string };

/**
 * One of the account page's lists of sermons (history, bookmarks): each linked with a line of
 * detail, an optional action of its own, and a button that clears the whole list. Deleting
 * goes through the account API and refreshes the page's data.
 */
export function AccountSermonList<Item extends ListedSermon>({
  label,
  items,
  empty,
  detail,
  action,
  clear,
  failure,
}: {
  label: string;
  items: Item[];
  empty: string;
  detail: (item: Item) => ReactNode;
  action?: (item: Item, remove: (url: string) => void, busy: boolean) => ReactNode;
  clear: { label: string; confirm: string; url: string };
  failure: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async (url: string) => {
    setBusy(true);
    setError(null);
    const response = await fetch(url, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.ok) router.refresh();
    else setError(failure);
  };

  if (items.length === 0)
    return (
      <p className="mt-4 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">
        {empty}
      </p>
    );
  return (
    <>
      <ul
        aria-label={label}
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
              {detail(item)}
            </div>
            {action?.(item, (url) => void remove(url), busy)}
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
          onClick={() => {
            if (window.confirm(clear.confirm)) void remove(clear.url);
          }}
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        >
          {clear.label}
        </button>
      </div>
    </>
  );
}
