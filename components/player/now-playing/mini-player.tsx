"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { itemDetail } from "./describe-item";
import { SKIP_SECONDS } from "../keyboard-shortcuts";
import { PlayPauseIcon } from "../player-buttons";
import { nowPlaying, type NowPlayingSnapshot } from "./now-playing-store";
import { UpNextSheet } from "./up-next-sheet";

/**
 * The bar at the bottom of listener pages while something is loaded: what it is (a link to its
 * page), play/pause, ±15 s and the progress, and "Up next", which opens the queue above it.
 * The page keeps a spacer of the bar's height, so nothing is hidden behind it.
 */
export function MiniPlayer({ state }: { state: NowPlayingSnapshot }) {
  const [isOpen, setIsOpen] = useState(false);
  const sheetId = useId();
  const { current, isPlaying, currentTime, duration } = state;

  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setIsOpen(false);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isOpen]);

  if (!current) return null;
  const clip = current.clip;
  // A clip's bar runs from its start to its end; a sermon's over the whole of it.
  const from = clip ? clip.startMs / 1000 : 0;
  const to = clip ? clip.endMs / 1000 : duration;
  const progress = to > from ? Math.min(1, Math.max(0, (currentTime - from) / (to - from))) : 0;
  const playLabel = isPlaying ? "Pause" : state.resumedAtMs !== null ? "Resume" : "Play";
  const queued = state.upNext.length;

  return (
    <>
      <div aria-hidden className="h-24 shrink-0 sm:h-20" />
      <section
        aria-label="Now playing"
        data-testid="mini-player"
        className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white/95 shadow-[0_-4px_16px_rgba(28,25,23,0.08)] backdrop-blur"
      >
        {isOpen && <UpNextSheet id={sheetId} state={state} onClose={() => setIsOpen(false)} />}
        <div aria-hidden className="h-1 bg-stone-200">
          <div className="h-full bg-amber-600" style={{ width: `${progress * 100}%` }} />
        </div>
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-3 py-2 sm:px-6">
          <span
            aria-hidden
            className="hidden size-11 shrink-0 place-items-center rounded-xl bg-amber-100 font-serif text-lg font-semibold text-amber-800 sm:grid"
          >
            {current.church.charAt(0)}
          </span>
          <div className="min-w-0 flex-1">
            <Link
              href={current.href}
              data-testid="now-playing-title"
              className="block truncate text-sm font-semibold text-stone-900 hover:text-amber-800 hover:underline"
            >
              {current.title}
            </Link>
            <p data-testid="now-playing-detail" className="truncate text-xs text-stone-600">
              {clip && <span className="font-medium text-amber-800">Moment · </span>}
              {itemDetail(current)}
            </p>
          </div>
          <p
            data-testid="now-playing-time"
            className="hidden shrink-0 text-xs tabular-nums text-stone-500 md:block"
          >
            {formatDuration(currentTime * 1000)}
            <span> / {to > 0 ? formatDuration(to * 1000) : "–:––"}</span>
          </p>
          <div className="flex shrink-0 items-center gap-1">
            <IconButton
              label={`Back ${SKIP_SECONDS} seconds`}
              onClick={() => nowPlaying.skipBy(-SKIP_SECONDS)}
              className="hidden sm:grid"
            >
              <path d="M3 12a9 9 0 1 0 3-6.7" />
              <path d="M3 4v5h5" />
            </IconButton>
            <button
              type="button"
              onClick={nowPlaying.togglePlay}
              aria-label={playLabel}
              className="grid size-11 place-items-center rounded-full bg-amber-700 text-white shadow-sm transition hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
            >
              <PlayPauseIcon isPlaying={isPlaying} size="size-5" />
            </button>
            <IconButton
              label={`Forward ${SKIP_SECONDS} seconds`}
              onClick={() => nowPlaying.skipBy(SKIP_SECONDS)}
              flip
            >
              <path d="M3 12a9 9 0 1 0 3-6.7" />
              <path d="M3 4v5h5" />
            </IconButton>
            <button
              type="button"
              onClick={() => setIsOpen((open) => !open)}
              aria-expanded={isOpen}
              aria-controls={sheetId}
              className="ml-1 inline-flex items-center gap-1.5 rounded-lg border border-stone-200 px-2.5 py-2 text-xs font-semibold text-stone-700 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-amber-600"
            >
              <svg
                aria-hidden
                viewBox="0 0 24 24"
                className="size-4 fill-none stroke-current"
                strokeWidth={2}
                strokeLinecap="round"
              >
                <path d="M4 6h12M4 12h12M4 18h8" />
                <path d="m17 16 3 2.5-3 2.5" />
              </svg>
              <span>Up next</span>
              {queued > 0 && (
                <span className="rounded-full bg-amber-100 px-1.5 text-amber-900">
                  <span className="sr-only">(</span>
                  {queued}
                  <span className="sr-only"> queued)</span>
                </span>
              )}
            </button>
          </div>
        </div>
      </section>
    </>
  );
}

function IconButton({
  label,
  onClick,
  flip = false,
  className = "grid",
  children,
}: {
  label: string;
  onClick: () => void;
  flip?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className={`${className} size-10 place-items-center rounded-full text-stone-600 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-amber-600`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className={`size-5 fill-none stroke-current ${flip ? "-scale-x-100" : ""}`}
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
    </button>
  );
}
