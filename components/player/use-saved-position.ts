"use client";

import { useEffect } from "react";
import { readLocalProgress, writeLocalProgress } from "./local-progress";
import type { NowPlayingItem } from "./now-playing/now-playing-queue";
import { nowPlaying } from "./now-playing/now-playing-store";

/** While playing, the place is saved this often (and on pause, at the end and on leaving). */
export const SAVE_EVERY_MS = 15_000;
/** A saved place nearer the start than this, or this near the end, is not resumed. */
const RESUME_MARGIN_MS = 5_000;
const FINISHED_WITHIN_MS = 30_000;

type Store = "account" | "browser";

const progressUrl = (sermonId: string) => `/api/me/progress/${encodeURIComponent(sermonId)}`;

/**
 * Where the listener's place in a sermon is kept, and what it is: in their account
 * (/api/me/progress/{sermonId}) when signed in, otherwise in this browser (local-progress.ts).
 */
async function lookUpSavedPlace(
  sermonId: string,
  signal: AbortSignal,
): Promise<{ store: Store; positionMs: number | undefined }> {
  const response = await fetch(progressUrl(sermonId), { signal, cache: "no-store" });
  if (response.status === 401)
    return { store: "browser", positionMs: readLocalProgress(sermonId)?.positionMs };
  if (!response.ok) return { store: "account", positionMs: undefined };
  return {
    store: "account",
    positionMs: ((await response.json()) as { positionMs: number }).positionMs,
  };
}

/**
 * Takes the listener back to their saved place in the sermon the page just loaded into the
 * player (`isEnabled`: not when a `?t=` link chose the place, nor when the player already had
 * it). The player says "Resumed at" (nowPlaying.resumeAt); playing or seeking first wins.
 */
export function useSavedPosition({
  sermonId,
  durationMs,
  isEnabled,
}: {
  sermonId: string;
  durationMs: number | null;
  isEnabled: boolean;
}) {
  useEffect(() => {
    if (!isEnabled) return;
    const controller = new AbortController();
    lookUpSavedPlace(sermonId, controller.signal)
      .then(({ positionMs }) => {
        if (positionMs === undefined || positionMs < RESUME_MARGIN_MS) return;
        if (durationMs !== null && positionMs >= durationMs - FINISHED_WITHIN_MS) return;
        const now = nowPlaying.getSnapshot();
        // The listener already chose a place (played or seeked) while this was loading.
        if (now.current?.sermonId !== sermonId || now.isPlaying || now.currentTime > 1) return;
        nowPlaying.resumeAt(sermonId, positionMs);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [sermonId, durationMs, isEnabled]);
}

/**
 * Remembers where the listener is in the sermon the player plays, on whichever page they are:
 * every 15 s while playing, on pause and at the end, and on `pagehide` (a beacon, which
 * outlives the page). A clip (a moment of an answer) is not a place in the sermon, so it is
 * not saved. Nothing is saved until the listener has played, so loading leaves no history.
 */
export function useProgressSaving(audio: HTMLAudioElement | null, item: NowPlayingItem | null) {
  const sermonId = item && !item.clip ? item.sermonId : null;

  useEffect(() => {
    if (!audio || !sermonId) return;
    let store: Store | "loading" = "loading";
    let hasPlayed = false;
    const controller = new AbortController();
    lookUpSavedPlace(sermonId, controller.signal)
      .then((found) => (store = found.store))
      .catch(() => {
        if (!controller.signal.aborted) store = "browser";
      });

    const save = (how: "fetch" | "beacon") => {
      // The player's own account of where it is: the element may already hold the next item.
      const { current, currentTime } = nowPlaying.getSnapshot();
      if (!hasPlayed || store === "loading" || current?.key !== sermonId) return;
      const positionMs = Math.round(currentTime * 1000);
      if (store === "browser") {
        writeLocalProgress({
          sermonId,
          positionMs,
          durationMs: current.durationMs,
          updatedAt: new Date().toISOString(),
          title: current.title,
          subtitle: current.series ? `${current.series} · ${current.church}` : current.church,
          path: current.href,
        });
        return;
      }
      const url = progressUrl(sermonId);
      const body = JSON.stringify({ positionMs });
      // A beacon can only POST; the route takes it as the same save (text/plain needs no preflight).
      if (how === "beacon" && navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" })))
        return;
      void fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body,
        keepalive: true,
      }).catch(() => undefined);
    };

    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const onPlay = () => {
      hasPlayed = true;
      stop();
      timer = setInterval(() => save("fetch"), SAVE_EVERY_MS);
    };
    const onStop = () => {
      stop();
      save("fetch");
    };
    const onLeave = () => save("beacon");
    if (!audio.paused) onPlay();
    audio.addEventListener("play", onPlay);
    audio.addEventListener("pause", onStop);
    audio.addEventListener("ended", onStop);
    window.addEventListener("pagehide", onLeave);
    return () => {
      stop();
      controller.abort();
      audio.removeEventListener("play", onPlay);
      audio.removeEventListener("pause", onStop);
      audio.removeEventListener("ended", onStop);
      window.removeEventListener("pagehide", onLeave);
    };
  }, [audio, sermonId]);
}
