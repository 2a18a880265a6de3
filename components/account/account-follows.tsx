"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FollowedItem } from "@/lib/catalog/follows/list-follows";

const KIND_LABEL = { church: "Church", series: "Series", speaker: "Speaker" } as const;

/** The account page's follows, each with a way to stop following it. */
export function AccountFollows({ items }: { items: FollowedItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unfollow = async (item: FollowedItem) => {
    setBusy(true);
    setError(null);
    const target =
      item.kind === "church"
        ? { kind: item.kind, church: item.church }
        : { kind: item.kind, church: item.church, slug: item.slug };
    const response = await fetch("/api/me/follows", {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(target),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) router.refresh();
    else setError("That could not be changed; try again.");
  };

  if (items.length === 0)
    return (
      <p className="mt-4 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">
        You follow nothing yet. Follow a church, a series or a speaker from its page to see its new
        sermons on the home page.
      </p>
    );
  return (
    <>
      <ul
        aria-label="Following"
        className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white"
      >
        {items.map((item) => (
          <li key={item.path} className="flex items-center gap-4 px-4 py-3 sm:px-5">
            <div className="min-w-0 flex-1">
              <Link
                href={item.path}
                className="block truncate font-medium text-stone-900 hover:text-amber-800"
              >
                {item.name}
              </Link>
              <p className="mt-0.5 truncate text-xs text-stone-500">
                {KIND_LABEL[item.kind]}
                {item.kind === "church" ? "" : ` · ${item.churchName}`}
              </p>
            </div>
            <button
              type="button"
              disabled={busy}
              onClick={() => void unfollow(item)}
              aria-label={`Stop following ${item.name}`}
              className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100 disabled:opacity-60"
            >
              Unfollow
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
