"use client";

import { useState } from "react";
import { fetchPlayableSermons, itemFromSermon } from "./now-playing-api";
import type { NowPlayingItem } from "./now-playing-queue";
import { nowPlaying } from "./now-playing-store";
import { useNowPlayingFact } from "./use-now-playing";

type Props =
  /** The sermon page: the item is at hand. */
  | { item: NowPlayingItem; sermonId?: never; title?: never }
  /** A list: only the sermon's id, looked up when pressed. */
  | { item?: never; sermonId: string; title: string };

/** "Add to queue": the sermon plays after what is playing and queued (or now, if nothing is). */
export function AddToQueueButton(props: Props) {
  const [isBusy, setIsBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const sermonId = props.item?.sermonId ?? props.sermonId;
  const title = props.item?.title ?? props.title;
  const isQueued = useNowPlayingFact(
    (state) =>
      state.current?.key === sermonId || state.upNext.some((queued) => queued.key === sermonId),
  );

  async function add() {
    if (props.item) return nowPlaying.enqueue(props.item);
    setIsBusy(true);
    setFailed(false);
    try {
      const [sermon] = await fetchPlayableSermons([props.sermonId]);
      if (sermon) nowPlaying.enqueue(itemFromSermon(sermon));
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <button
      type="button"
      onClick={() => void add()}
      disabled={isQueued || isBusy}
      aria-label={isQueued ? `Queued: ${title}` : `Add to queue: ${title}`}
      title={failed ? "It could not be added; please try again." : undefined}
      className="relative inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium text-amber-800 hover:bg-amber-50 disabled:cursor-default disabled:text-stone-500 disabled:hover:bg-transparent"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4 fill-none stroke-current"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {isQueued ? (
          <path d="m5 12 5 5 9-10" />
        ) : (
          <>
            <path d="M4 6h12M4 12h9M4 18h7" />
            <path d="M18 13v8M14 17h8" />
          </>
        )}
      </svg>
      <span aria-hidden>{isQueued ? "Queued" : failed ? "Try again" : "Add to queue"}</span>
    </button>
  );
}
