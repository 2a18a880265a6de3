"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo } from "react";
import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import { itemFromSermon } from "@/components/player/now-playing/now-playing-api";
import { nowPlaying } from "@/components/player/now-playing/now-playing-store";
import { useNowPlaying } from "@/components/player/now-playing/use-now-playing";

export interface Playback {
  /** The player's media element while it plays this page's sermon. */
  media: HTMLMediaElement | null;
  /** Seconds, as the media element last reported. */
  currentTime: number;
  isPlaying: boolean;
  /** Moves playback to `seconds`; `play` also starts it (a tap on a sentence means "play from here"). */
  seek: (seconds: number, options?: { play?: boolean }) => void;
}

const PlaybackContext = createContext<Playback | null>(null);

/**
 * Shares the listener's player with the things around the sermon page's player (the
 * transcript panel), for this page's sermon: its time while the player plays it, and seeking
 * in it, which loads it into the player first if something else was playing.
 */
export function PlaybackProvider({
  sermon,
  children,
}: {
  sermon: PlayableSermon | null;
  children: ReactNode;
}) {
  const state = useNowPlaying();
  const isMine = sermon !== null && state.current?.sermonId === sermon.id;
  const media = isMine ? state.audio : null;
  const currentTime = isMine ? state.currentTime : 0;
  const isPlaying = isMine && state.isPlaying;

  const seek = useCallback(
    (seconds: number, options: { play?: boolean } = {}) => {
      if (!sermon) return;
      const time = Math.max(0, seconds);
      if (nowPlaying.getSnapshot().current?.sermonId !== sermon.id) {
        nowPlaying.load(itemFromSermon(sermon), { startAt: time, play: options.play ?? false });
        return;
      }
      nowPlaying.seek(time);
      if (options.play) nowPlaying.play();
    },
    [sermon],
  );

  const value = useMemo(
    () => ({ media, currentTime, isPlaying, seek }),
    [media, currentTime, isPlaying, seek],
  );
  return <PlaybackContext.Provider value={value}>{children}</PlaybackContext.Provider>;
}

/** The surrounding player's playback; outside a PlaybackProvider there is none. */
export function usePlayback(): Playback {
  return (
    useContext(PlaybackContext) ?? {
      media: null,
      currentTime: 0,
      isPlaying: false,
      seek: () => undefined,
    }
  );
}
