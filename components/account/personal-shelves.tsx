"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { SectionHeading } from "@/components/listener/section-heading";
import { SermonList } from "@/components/listener/sermon-list";
import { listLocalProgress } from "@/components/player/local-progress";
import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { formatDuration } from "@/lib/platform/text/format";
import { useListenerSession } from "./use-listener-session";

const SHELF_SIZE = 4;
const FINISHED_WITHIN_MS = 30_000;

interface InProgress {
  sermonId: string;
  title: string;
  subtitle: string | null;
  path: string;
  positionMs: number;
  durationMs: number | null;
}

type Shelves = { continueListening: InProgress[]; followed: ListenerSermonSummary[] | null };

type JsonSummary = Omit<ListenerSermonSummary, "preachedOn"> & { preachedOn: string | null };
type JsonHistoryEntry = {
  sermonId: string;
  positionMs: number;
  path: string;
  sermon: JsonSummary;
};

const fromJson = (sermon: JsonSummary): ListenerSermonSummary => ({
  ...sermon,
  preachedOn: sermon.preachedOn ? new Date(sermon.preachedOn) : null,
});

async function loadAccountShelves(): Promise<Shelves> {
  const [history, followed] = await Promise.all([
    fetch("/api/me/progress?inProgress=1", { cache: "no-store" }).then((r) => r.json()),
    fetch("/api/me/follows/sermons", { cache: "no-store" }).then((r) => r.json()),
  ]);
  return {
    continueListening: (history as { items: JsonHistoryEntry[] }).items.map((entry) => ({
      sermonId: entry.sermonId,
      title: entry.sermon.title,
      subtitle: entry.sermon.series
        ? `${entry.sermon.series.title} · ${entry.sermon.church.name}`
        : entry.sermon.church.name,
      path: entry.path,
      positionMs: entry.positionMs,
      durationMs: entry.sermon.durationMs,
    })),
    followed: (followed as { items: JsonSummary[] }).items.map(fromJson),
  };
}

function browserShelves(): Shelves {
  const unfinished = listLocalProgress().filter(
    (entry) =>
      entry.durationMs === null || entry.positionMs < entry.durationMs - FINISHED_WITHIN_MS,
  );
  return { continueListening: unfinished, followed: null };
}

/**
 * The home page's personal part: "Continue listening" (the account's unfinished sermons, or
 * this browser's when signed out) and "New from what you follow" (signed in). Rendered in the
 * browser, so the rest of the home page stays one cached page for everyone.
 */
export function PersonalShelves() {
  const session = useListenerSession();
  const [shelves, setShelves] = useState<Shelves | null>(null);

  useEffect(() => {
    if (session.status === "loading") return;
    if (session.status === "signed-out") {
      setShelves(browserShelves());
      return;
    }
    let live = true;
    loadAccountShelves()
      .then((value) => live && setShelves(value))
      .catch(() => live && setShelves(browserShelves()));
    return () => {
      live = false;
    };
  }, [session.status]);

  if (!shelves) return null;
  const { continueListening, followed } = shelves;
  if (continueListening.length === 0 && followed === null) return null;
  return (
    <div className="mx-auto max-w-6xl space-y-12 px-4 pt-12 sm:px-6">
      {continueListening.length > 0 && (
        <section aria-labelledby="continue-heading">
          <SectionHeading id="continue-heading" title="Continue listening" />
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {continueListening.slice(0, SHELF_SIZE).map((item) => (
              <li key={item.sermonId}>
                <ContinueCard item={item} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {followed !== null && (
        <section aria-labelledby="followed-heading">
          <SectionHeading id="followed-heading" title="New from what you follow" />
          <SermonList
            sermons={followed}
            showChurch
            columns={2}
            empty={{
              title: "Nothing followed yet",
              body: "Follow a church, a series or a speaker from its page, and its new sermons appear here.",
            }}
          />
        </section>
      )}
    </div>
  );
}

function ContinueCard({ item }: { item: InProgress }) {
  const left = item.durationMs ? item.durationMs - item.positionMs : null;
  return (
    <Link
      href={item.path}
      data-testid="continue-item"
      className="flex h-full items-center gap-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm transition hover:border-amber-300 hover:shadow-md"
    >
      <span
        aria-hidden
        className="grid size-11 shrink-0 place-items-center rounded-full bg-amber-700 text-white"
      >
        <svg viewBox="0 0 24 24" className="ml-0.5 size-5 fill-current">
          <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5Z" />
        </svg>
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-semibold text-stone-900">{item.title}</span>
        {item.subtitle && (
          <span className="block truncate text-xs text-stone-500">{item.subtitle}</span>
        )}
        {item.durationMs ? (
          <span aria-hidden className="mt-2 block h-1 rounded-full bg-stone-100">
            <span
              className="block h-1 rounded-full bg-amber-500"
              style={{ width: `${Math.min(100, (item.positionMs / item.durationMs) * 100)}%` }}
            />
          </span>
        ) : null}
        <span className="mt-1 block text-xs tabular-nums text-stone-500">
          {left !== null ? `${formatDuration(left)} left` : `At ${formatDuration(item.positionMs)}`}
        </span>
      </span>
    </Link>
  );
}
