import type Hls from "hls.js/light";
import { startOnceLoaded } from "./attach-file-source";

const HLS_TYPE = "application/vnd.apple.mpegurl";

export interface HlsSourceOptions {
  /**
   * A single-file rendition of the same recording (the download), for a player that can do
   * without adaptive streaming (the embed; the listener's player on an ordinary connection, see
   * progressive-source.ts): this file plays, the browser's own HLS if it fails, and hls.js only
   * without either. The file first: Chromium's own HLS loads nothing past the master playlist
   * until playback starts, so the length (and seeking before play) would wait for it. Unset: hls.js wherever Media Source Extensions exist.
   */
  progressiveSrc?: string | null;
  /** Called once the source is on the element, so a `play()` asked for meanwhile can start. */
  onAttached?: () => void;
}

/**
 * Plays an HLS stream in `audio`, starting at `startAt` seconds: hls.js where Media Source
 * Extensions exist (most browsers), native HLS otherwise (iOS Safari). hls.js is loaded on
 * demand, since native HLS needs none of it. With `progressiveSrc`, that file comes first and
 * native HLS second (see HlsSourceOptions). Returns what detaches it again.
 */
export function attachHlsSource(
  audio: HTMLAudioElement,
  src: string,
  startAt: number,
  onError: (message: string) => void,
  { progressiveSrc, onAttached }: HlsSourceOptions = {},
): () => void {
  let hls: Hls | undefined;
  let isCancelled = false;
  const listening = new AbortController();
  const playFile = (url: string) => {
    audio.src = url;
    startOnceLoaded(audio, startAt, listening.signal);
  };

  // The light way: each source the browser can play without hls.js, in order; the next one
  // when one fails (a browser may claim HLS yet not play this stream).
  const files =
    progressiveSrc === undefined
      ? []
      : [progressiveSrc, audio.canPlayType(HLS_TYPE) ? src : null].filter((url) => url !== null);
  if (files.length > 0) {
    let next = 0;
    const playNext = () => {
      const url = files[next++];
      if (url) playFile(url);
      else onError("The recording could not be loaded. Please try again in a moment.");
    };
    audio.addEventListener("error", playNext, { signal: listening.signal });
    playNext();
    onAttached?.();
  } else {
    // The light build: Selah's streams are audio renditions without subtitles, alternate
    // audio or DRM, which is what it leaves out (70 KB less to download, compressed).
    void import("hls.js/light").then(({ default: HlsPlayer }) => {
      if (isCancelled) return;
      if (HlsPlayer.isSupported()) {
        hls = new HlsPlayer({ startPosition: startAt });
        hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (data.fatal)
            onError("The recording could not be loaded. Please try again in a moment.");
        });
        hls.loadSource(src);
        hls.attachMedia(audio);
        onAttached?.();
      } else if (audio.canPlayType(HLS_TYPE)) {
        playFile(src);
        onAttached?.();
      } else {
        onError("This browser cannot play streamed audio.");
      }
    });
  }
  return () => {
    isCancelled = true;
    listening.abort();
    hls?.destroy();
  };
}
