"use client";

import { type RefObject, useEffect } from "react";
import { attachHlsSource, type HlsSourceOptions } from "./attach-hls-source";
import { useLatest } from "./use-latest";

/** attachHlsSource for `audioRef` while the component is mounted (the embed's player). */
export function useHlsSource(
  audioRef: RefObject<HTMLAudioElement | null>,
  src: string,
  startAt: number,
  onError: (message: string) => void,
  { progressiveSrc }: Pick<HlsSourceOptions, "progressiveSrc"> = {},
) {
  // Read through a ref: a new callback must not re-attach the stream (that restarts playback).
  const reportError = useLatest(onError);
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    return attachHlsSource(audio, src, startAt, (message) => reportError.current(message), {
      progressiveSrc,
    });
  }, [audioRef, reportError, src, startAt, progressiveSrc]);
}
