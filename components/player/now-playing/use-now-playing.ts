"use client";

import { useSyncExternalStore } from "react";
import { nowPlaying, type NowPlayingSnapshot } from "./now-playing-store";

/** The listener's player as it is now; re-renders as it changes. Commands: `nowPlaying`. */
export function useNowPlaying(): NowPlayingSnapshot {
  return useSyncExternalStore(
    nowPlaying.subscribe,
    nowPlaying.getSnapshot,
    nowPlaying.getServerSnapshot,
  );
}

/**
 * One fact about the player (a boolean, a string), re-rendering only when it changes: for the
 * many small things on a page (a list's buttons) that need not follow the time as it plays.
 */
export function useNowPlayingFact<T extends string | number | boolean | null>(
  select: (state: NowPlayingSnapshot) => T,
): T {
  return useSyncExternalStore(
    nowPlaying.subscribe,
    () => select(nowPlaying.getSnapshot()),
    () => select(nowPlaying.getServerSnapshot()),
  );
}
