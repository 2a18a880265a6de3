"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { readLocalProgress, writeLocalProgress } from "./local-progress";
import { useLatest } from "./use-latest";

/** While playing, the place is saved this often (and on pause, at the end and on leaving). */
export const SAVE_EVERY_MS = 15_000;
/** A saved place nearer the start than this, or this near the end, is not resumed. */
const RESUME_MARGIN_MS = 5_000;
const FINISHED_WITHIN_MS = 30_000;

type Store = "loading" | "account" | "browser";

export interface SavedPositionOptions {
  audioRef: RefObject<HTMLAudioElement | null>;
  sermonId: string;
  durationMs: number | null;
  title: string;
  subtitle: string | null;
  seekTo: (seconds: number) => void;
}

/**
 * Remembers where the listener is in this sermon and takes them back there: in their account
 * (/api/me/progress/{sermonId}) when signed in, otherwise in this browser (local-progress.ts).
 * Saved every 15 s while playing, on pause and at the end, and on `pagehide` (a beacon, which
 * outlives the page). A `?t=` in the address wins over the saved place. Nothing is saved until
 * the listener has played, so opening a page leaves no history.
 */
export function useSavedPosition({
  audioRef,
  sermonId,
  durationMs,
  title,
  subtitle,
  seekTo,
}: SavedPositionOptions) {
  const [resumedAtMs, setResumedAtMs] = useState<number | null>(null);
  const store = useRef<Store>("loading");
  const hasPlayed = useRef(false);
  const details = useLatest({ durationMs, title, subtitle, seekTo });
  const url = `/api/me/progress/${encodeURIComponent(sermonId)}`;

  const positionMs = useCallback(() => {
    const audio = audioRef.current;
    return audio ? Math.round(audio.currentTime * 1000) : null;
  }, [audioRef]);

  const save = useCallback(
    (how: "fetch" | "beacon") => {
      const at = positionMs();
      if (at === null || !hasPlayed.current || store.current === "loading") return;
      if (store.current === "browser") {
        writeLocalProgress({
          sermonId,
          positionMs: at,
          durationMs: details.current.durationMs,
          updatedAt: new Date().toISOString(),
          title: details.current.title,
          subtitle: details.current.subtitle,
          path: window.location.pathname,
        });
        return;
      }
      const body = JSON.stringify({ positionMs: at });
      // A beacon can only POST; the route takes it as the same save (text/plain needs no preflight).
      if (how === "beacon" && navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" })))
        return;
      void fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body,
        keepalive: true,
      }).catch(() => undefined);
    },
    [details, positionMs, sermonId, url],
  );

  // Where to resume: the account's place, or this browser's when signed out (401).
  useEffect(() => {
    const controller = new AbortController();
    const fromLink = new URLSearchParams(window.location.search).has("t");
    const resume = (savedMs: number | undefined) => {
      const audio = audioRef.current;
      const { durationMs: length, seekTo: seek } = details.current;
      if (fromLink || !audio || savedMs === undefined || savedMs < RESUME_MARGIN_MS) return;
      if (length !== null && savedMs >= length - FINISHED_WITHIN_MS) return;
      // The listener already chose a place (played or seeked) while this was loading.
      if (hasPlayed.current || audio.currentTime > 1) return;
      const go = () => {
        seek(savedMs / 1000);
        setResumedAtMs(savedMs);
      };
      if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) go();
      else audio.addEventListener("loadedmetadata", go, { once: true, signal: controller.signal });
    };
    fetch(url, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (response.status === 401) {
          store.current = "browser";
          resume(readLocalProgress(sermonId)?.positionMs);
          return;
        }
        store.current = "account";
        if (response.ok) resume(((await response.json()) as { positionMs: number }).positionMs);
      })
      .catch(() => {
        if (!controller.signal.aborted) store.current = "browser";
      });
    return () => controller.abort();
  }, [audioRef, details, sermonId, url]);

  // Every 15 s while playing, on pause and at the end, and when the page goes away.
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const onPlay = () => {
      hasPlayed.current = true;
      stop();
      timer = setInterval(() => save("fetch"), SAVE_EVERY_MS);
    };
    const onStop = () => {
      stop();
      save("fetch");
    };
    const onLeave = () => save("beacon");
    audio.addEventListener("play", onPlay);
    audio.addEventListener("pause", onStop);
    audio.addEventListener("ended", onStop);
    window.addEventListener("pagehide", onLeave);
    return () => {
      stop();
      audio.removeEventListener("play", onPlay);
      audio.removeEventListener("pause", onStop);
      audio.removeEventListener("ended", onStop);
      window.removeEventListener("pagehide", onLeave);
    };
  }, [audioRef, save]);

  const startOver = useCallback(() => {
    details.current.seekTo(0);
    setResumedAtMs(null);
  }, [details]);

  return { resumedAtMs, startOver, dismiss: () => setResumedAtMs(null) };
}
