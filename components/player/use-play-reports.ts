"use client";

import { useEffect } from "react";
import type { NowPlayingItem } from "./now-playing/now-playing-queue";

/** Reports wait in the page this long at most before a beacon takes them. */
const SEND_EVERY_MS = 30_000;
/** The route takes at most this many a beacon. */
const PER_BEACON = 50;
const BEACON_URL = "/api/play-events";

type Report = {
  sermonId: string;
  kind: "play" | "progress" | "complete" | "seek";
  positionMs: number;
  fromMs?: number;
};

/**
 * Tells Selah's insights how a sermon is listened to, and nothing about who listens: a play,
 * each stretch heard (reported at every 10% of the sermon, on pause and on leaving), seeks and
 * the end, batched and sent with navigator.sendBeacon every 30 s and when the page hides. The
 * server keeps no address or account with them (README "Listening insights"). Mounted only
 * with the listener's player (never the admin's preview or the embed); clips (moments) are
 * not reported.
 */
export function usePlayReports(audio: HTMLAudioElement | null, item: NowPlayingItem | null) {
  const sermonId = item && !item.clip ? item.sermonId : null;

  useEffect(() => {
    if (!audio || !sermonId) return;
    const queue: Report[] = [];
    let hasPlayed = false;
    /** Where the stretch being heard began, while playing. */
    let from: number | null = null;
    let last = 0;
    let nextMark = Infinity;
    const now = () => Math.round(audio.currentTime * 1000);
    const durationMs = () =>
      Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration * 1000 : 0;
    const markAfter = (ms: number) => {
      const tenth = durationMs() / 10;
      return tenth > 0 ? (Math.floor(ms / tenth) + 1) * tenth : Infinity;
    };
    const closeStretch = (to: number) => {
      if (from !== null && to > from)
        queue.push({ sermonId, kind: "progress", fromMs: from, positionMs: to });
      from = null;
    };
    const send = () => {
      while (queue.length) {
        const body = JSON.stringify({ events: queue.splice(0, PER_BEACON) });
        if (!navigator.sendBeacon?.(BEACON_URL, body))
          void fetch(BEACON_URL, { method: "POST", body, keepalive: true }).catch(() => undefined);
      }
    };

    const onPlay = () => {
      const at = now();
      if (!hasPlayed) queue.push({ sermonId, kind: "play", positionMs: at });
      hasPlayed = true;
      from = at;
      last = at;
      nextMark = markAfter(at);
    };
    const onTime = () => {
      const at = now();
      if (audio.seeking || from === null) return;
      last = at;
      if (at >= nextMark) {
        closeStretch(at);
        from = at;
        nextMark = markAfter(at);
      }
    };
    const onSeeking = () => {
      if (!hasPlayed) return;
      const wasPlaying = from !== null;
      closeStretch(last);
      const to = now();
      queue.push({ sermonId, kind: "seek", fromMs: last, positionMs: to });
      last = to;
      if (wasPlaying && !audio.paused) {
        from = to;
        nextMark = markAfter(to);
      }
    };
    const onPause = () => {
      if (!audio.seeking) closeStretch(last);
    };
    const onEnded = () => {
      const end = Math.round(durationMs()) || now();
      closeStretch(end);
      queue.push({ sermonId, kind: "complete", fromMs: end, positionMs: end });
      send();
    };
    const onHide = () => {
      if (document.visibilityState !== "hidden") return;
      if (from !== null) {
        closeStretch(last);
        from = last;
      }
      send();
    };
    const timer = setInterval(() => {
      if (from !== null && last > from) {
        closeStretch(last);
        from = last;
      }
      send();
    }, SEND_EVERY_MS);
    const events: [string, () => void][] = [
      ["play", onPlay],
      ["timeupdate", onTime],
      ["seeking", onSeeking],
      ["pause", onPause],
      ["ended", onEnded],
    ];
    for (const [name, handler] of events) audio.addEventListener(name, handler);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", send);
    return () => {
      for (const [name, handler] of events) audio.removeEventListener(name, handler);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", send);
      clearInterval(timer);
      // The item changed or the player went: what was heard of this one leaves now.
      closeStretch(last);
      send();
    };
  }, [audio, sermonId]);
}
