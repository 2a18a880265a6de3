"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDuration } from "@/lib/platform/text/format";

export interface HistoryItem {
  sermonId: string;
  positionMs: number;
  completed: boolean;
  path: string;
  title: string;
  churchName: string;
  durationMs: number | null;
}

/** The account page's history: each sermon's place, remove one, or clear all. */
export function AccountHistory({ items }: { items: HistoryItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const forget = async (url: string) => {
    setBusy(true);
    setError(null);
    const response = await fetch(url, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (response?.ok) router.refresh();
    else setError("That could not be removed; try again.");
  };

  if (items.length === 0)
    return (
      <p className="mt-4 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">
        Nothing yet. Sermons you listen to while signed in appear here, with your place in each.
      </p>
    );
  return (
    <>
      <ul
        aria-label="History"
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
                {item.churchName} ·{" "}
                {item.completed
                  ? "Finished"
                  : `${formatDuration(item.positionMs)}${item.durationMs ? ` of ${formatDuration(item.durationMs)}` : ""}`}
              </p>
              {item.durationMs ? (
                <div aria-hidden className="mt-2 h-1 rounded-full bg-stone-100">
                  <div
                    className="h-1 rounded-full bg-amber-500"
                    style={{
                      width: `${Math.min(100, (item.positionMs / item.durationMs) * 100)}%`,
                    }}
                  />
                </div>
              ) : null}
            </div>
            <button
              type="button"
              disabled={busy}
              onClick={() => void forget(`/api/me/progress/${encodeURIComponent(item.sermonId)}`)}
              aria-label={`Remove ${item.title} from your history`}
              className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100 disabled:opacity-60"
            >
              Remove
            </button>
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
            if (window.confirm("Clear your whole listening history?"))
              void forget("/api/me/progress");
          }}
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
        >
          Clear history
        </button>
      </div>
    </>
  );
}
