"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { itemDetail } from "./describe-item";
import type { NowPlayingItem } from "./now-playing-queue";
import { nowPlaying, type NowPlayingSnapshot } from "./now-playing-store";

/**
 * The mini player opened: where it is in the current item (a slider), what plays next — the
 * listener's queue, to reorder or trim, or else the series' next sermon — and closing it all.
 */
export function UpNextSheet({
  id,
  state,
  onClose,
}: {
  id: string;
  state: NowPlayingSnapshot;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { current, upNext, seriesNext, currentTime, duration } = state;
  if (!current) return null;

  return (
    <div
      id={id}
      role="region"
      aria-labelledby={`${id}-heading`}
      className="max-h-[65dvh] overflow-y-auto border-b border-stone-200 bg-stone-50"
    >
      <div className="mx-auto max-w-3xl px-4 py-4 sm:px-6">
        <div className="flex items-center justify-between gap-3">
          <h2
            id={`${id}-heading`}
            ref={heading}
            tabIndex={-1}
            className="text-sm font-semibold text-stone-900 outline-none"
          >
            Up next
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded-lg px-2 py-1 text-xs font-medium text-stone-600 hover:bg-stone-100"
          >
            Hide
          </button>
        </div>

        <div className="mt-3 rounded-xl border border-stone-200 bg-white p-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-stone-500">Playing</p>
          <p className="mt-1 truncate text-sm font-semibold text-stone-900">{current.title}</p>
          <p className="truncate text-xs text-stone-600">{itemDetail(current)}</p>
          <input
            type="range"
            aria-label={`Position in ${current.title}`}
            min={0}
            max={Math.max(1, Math.round(duration))}
            step={1}
            value={Math.round(currentTime)}
            onChange={(event) => nowPlaying.seek(Number(event.target.value))}
            className="mt-2 w-full accent-amber-600"
          />
          <div className="flex justify-between text-xs tabular-nums text-stone-500">
            <span>{formatDuration(currentTime * 1000)}</span>
            <span>{duration > 0 ? formatDuration(duration * 1000) : "–:––"}</span>
          </div>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs font-medium">
            <Link href={current.href} className="text-amber-800 hover:underline">
              Open the sermon page
            </Link>
            <button
              type="button"
              onClick={() => {
                nowPlaying.close();
                onClose();
              }}
              className="text-stone-600 hover:text-red-700 hover:underline"
            >
              Stop and close the player
            </button>
          </div>
        </div>

        {upNext.length > 0 ? (
          <>
            <div className="mt-4 flex items-center justify-between">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">
                Queue
              </h3>
              <button
                type="button"
                onClick={nowPlaying.clearQueue}
                className="text-xs font-medium text-stone-600 hover:text-red-700 hover:underline"
              >
                Clear queue
              </button>
            </div>
            <ol aria-label="Queue" className="mt-2 space-y-2">
              {upNext.map((item, index) => (
                <QueueEntry key={item.key} item={item} index={index} count={upNext.length} />
              ))}
            </ol>
          </>
        ) : seriesNext ? (
          <div className="mt-4">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">
              Next in the series
            </h3>
            <div className="mt-2 flex items-center gap-3 rounded-xl border border-stone-200 bg-white p-3">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-stone-900">{seriesNext.title}</p>
                <p className="truncate text-xs text-stone-600">{itemDetail(seriesNext)}</p>
              </div>
              <button
                type="button"
                onClick={nowPlaying.playNext}
                className="shrink-0 rounded-lg bg-stone-900 px-3 py-1.5 text-xs font-semibold text-white hover:bg-stone-700"
              >
                Play now
              </button>
            </div>
            <p className="mt-2 text-xs text-stone-500">
              Plays when this one ends. Add sermons to the queue to hear them first.
            </p>
          </div>
        ) : (
          <p className="mt-4 text-sm text-stone-600">
            Nothing queued. Use “Add to queue” on a sermon to hear it next.
          </p>
        )}
      </div>
    </div>
  );
}

function QueueEntry({
  item,
  index,
  count,
}: {
  item: NowPlayingItem;
  index: number;
  count: number;
}) {
  const action =
    "grid size-8 place-items-center rounded-md text-stone-500 hover:bg-stone-100 hover:text-stone-900 disabled:opacity-30 disabled:hover:bg-transparent";
  return (
    <li
      data-testid="queue-item"
      className="flex items-center gap-2 rounded-xl border border-stone-200 bg-white p-2 pl-3"
    >
      <span aria-hidden className="w-5 shrink-0 text-xs tabular-nums text-stone-500">
        {index + 1}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-stone-900">{item.title}</p>
        <p className="truncate text-xs text-stone-600">{itemDetail(item)}</p>
      </div>
      <button
        type="button"
        aria-label={`Play now: ${item.title}`}
        title="Play now"
        onClick={() => nowPlaying.load(item, { play: true })}
        className={action}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 fill-current">
          <path d="M4 2.5v11l9-5.5z" />
        </svg>
      </button>
      <button
        type="button"
        aria-label={`Move up: ${item.title}`}
        title="Move up"
        disabled={index === 0}
        onClick={() => nowPlaying.moveInQueue(index, index - 1)}
        className={action}
      >
        <Chevron up />
      </button>
      <button
        type="button"
        aria-label={`Move down: ${item.title}`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => nowPlaying.moveInQueue(index, index + 1)}
        className={action}
      >
        <Chevron />
      </button>
      <button
        type="button"
        aria-label={`Remove from queue: ${item.title}`}
        title="Remove"
        onClick={() => nowPlaying.removeFromQueue(index)}
        className={action}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-4 fill-none stroke-current"
          strokeWidth={2}
          strokeLinecap="round"
        >
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </li>
  );
}

function Chevron({ up = false }: { up?: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className={`size-4 fill-current ${up ? "rotate-180" : ""}`}
    >
      <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
    </svg>
  );
}
