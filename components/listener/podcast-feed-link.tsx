"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

const SHOWN_MS = 4000;

/**
 * "Podcast feed": the feed's address to open, and a button that copies it for a podcast app's
 * "add by URL". Where the clipboard is refused (a plain-http address), the address is shown
 * selected instead, to copy by hand.
 */
export function PodcastFeedLink({
  feedUrl,
  lead,
}: {
  feedUrl: string;
  /** Shown first in the same row (the page's Follow button). */
  lead?: ReactNode;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const timer = useRef<number | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (state === "manual") field.current?.select();
  }, [state]);

  async function copy() {
    window.clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(feedUrl);
      setState("copied");
      timer.current = window.setTimeout(() => setState("idle"), SHOWN_MS);
    } catch {
      setState("manual");
    }
  }

  return (
    <div className="mt-6 flex flex-wrap items-center gap-2 text-sm">
      {lead}
      <a
        href={feedUrl}
        type="application/rss+xml"
        className="inline-flex items-center gap-2 rounded-full border border-amber-200 bg-white px-4 py-2 font-medium text-amber-800 shadow-sm transition hover:border-amber-300 hover:bg-amber-50"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-4 fill-current">
          <circle cx="6" cy="18" r="2" />
          <path d="M4 10.5a9.5 9.5 0 0 1 9.5 9.5h-2.5A7 7 0 0 0 4 13z" />
          <path d="M4 4.5A15.5 15.5 0 0 1 19.5 20H17A13 13 0 0 0 4 7z" />
        </svg>
        Podcast feed
      </a>
      <button
        type="button"
        onClick={copy}
        className="rounded-full px-3 py-2 font-medium text-stone-600 transition hover:bg-amber-50 hover:text-amber-900"
      >
        Copy feed URL
      </button>
      <span role="status" className="text-stone-600">
        {state === "copied" && "Copied. Paste it into your podcast app."}
      </span>
      {state === "manual" && (
        <input
          ref={field}
          readOnly
          value={feedUrl}
          aria-label="Podcast feed URL"
          onFocus={(event) => event.currentTarget.select()}
          className="w-full max-w-xl rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm"
        />
      )}
    </div>
  );
}
