"use client";

import type Hls from "hls.js";
import { type RefObject, useEffect } from "react";
import { useLatest } from "./use-latest";

/**
 * Plays an HLS stream in `audioRef`: hls.js where Media Source Extensions exist (most
 * browsers), native HLS otherwise (iOS Safari). Starts at `startAt` seconds. hls.js is loaded
 * on demand, since native HLS needs none of it.
 */
export function useHlsSource(
  audioRef: RefObject<HTMLAudioElement | null>,
  src: string,
  startAt: number,
  onError: (message: string) => void,
) {
  // Read through a ref: a new callback must not re-attach the stream (that restarts playback).
  const reportError = useLatest(onError);
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    let hls: Hls | undefined;
    let isCancelled = false;
    void import("hls.js").then(({ default: HlsPlayer }) => {
      if (isCancelled) return;
      if (HlsPlayer.isSupported()) {
        hls = new HlsPlayer({ startPosition: startAt });
        hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (data.fatal)
            reportError.current("The recording could not be loaded. Please try again in a moment.");
        });
        hls.loadSource(src);
        hls.attachMedia(audio);
      } else if (audio.canPlayType("application/vnd.apple.mpegurl")) {
        audio.src = src;
        audio.addEventListener("loadedmetadata", () => (audio.currentTime = startAt), {
          once: true,
        });
      } else {
        reportError.current("This browser cannot play streamed audio.");
      }
    });
    return () => {
      isCancelled = true;
      hls?.destroy();
    };
  }, [audioRef, reportError, src, startAt]);
}
