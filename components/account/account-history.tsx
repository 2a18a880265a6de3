"use client";

import { formatDuration } from "@/lib/platform/text/format";
import { AccountSermonList } from "./account-sermon-list";

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
  return (
    <AccountSermonList
      label="History"
      items={items}
      empty="Nothing yet. Sermons you listen to while signed in appear here, with your place in each."
      detail={(item) => (
        <>
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
                style={{ width: `${Math.min(100, (item.positionMs / item.durationMs) * 100)}%` }}
              />
            </div>
          ) : null}
        </>
      )}
      action={(item, remove, busy) => (
        <button
          type="button"
          disabled={busy}
          onClick={() => remove(`/api/me/progress/${encodeURIComponent(item.sermonId)}`)}
          aria-label={`Remove ${item.title} from your history`}
          className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100 disabled:opacity-60"
        >
          Remove
        </button>
      )}
      clear={{
        label: "Clear history",
        confirm: "Clear your whole listening history?",
        url: "/api/me/progress",
      }}
      failure="That could not be removed; try again."
    />
  );
}
