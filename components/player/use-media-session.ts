"use client";

import { type RefObject, useEffect } from "react";
import { SKIP_SECONDS } from "./keyboard-shortcuts";
import { useLatest } from "./use-latest";

export interface MediaSessionInfo {
  title: string;
  /** The speaker. */
  artist: string | null;
  /** The church, and the series when there is one. */
  album: string | null;
}

interface MediaSessionControls {
  seekTo: (seconds: number) => void;
  /** Seconds of the whole sermon; the stream may report less while it is still growing. */
  duration: number;
  /** Skips to what is queued next; unset when nothing is. */
  nextTrack?: () => void;
}

/**
 * Names the sermon to the operating system (lock screen, headset buttons, media keys) and
 * answers its play, pause, seek and stop requests for `audioRef`.
 */
export function useMediaSession(
  audioRef: RefObject<HTMLAudioElement | null>,
  info: MediaSessionInfo,
  controls: MediaSessionControls,
) {
  const latest = useLatest(controls);
  const { title, artist, album } = info;
  const hasNextTrack = controls.nextTrack !== undefined;

  useEffect(() => {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title,
      artist: artist ?? undefined,
      album: album ?? undefined,
      // Churches and series have no artwork yet; the OS shows its own placeholder.
    });
    return () => {
      navigator.mediaSession.metadata = null;
    };
  }, [title, artist, album]);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio || !("mediaSession" in navigator)) return;
    const session = navigator.mediaSession;
    const seekBy = (seconds: number) => latest.current.seekTo(audio.currentTime + seconds);
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ["play", () => void audio.play().catch(() => undefined)],
      ["pause", () => audio.pause()],
      [
        "stop",
        () => {
          audio.pause();
          latest.current.seekTo(0);
        },
      ],
      ["seekbackward", (details) => seekBy(-(details.seekOffset ?? SKIP_SECONDS))],
      ["seekforward", (details) => seekBy(details.seekOffset ?? SKIP_SECONDS)],
      [
        "seekto",
        (details) => {
          if (details.seekTime !== undefined) latest.current.seekTo(details.seekTime);
        },
      ],
    ];
    for (const [action, handler] of handlers) setActionHandler(session, action, handler);
    if (hasNextTrack) setActionHandler(session, "nexttrack", () => latest.current.nextTrack?.());

    // The OS extrapolates the position from these; it only needs telling when they change.
    const updatePosition = () => {
      const duration = latest.current.duration;
      if (!session.setPositionState || !(duration > 0)) return;
      try {
        session.setPositionState({
          duration,
          playbackRate: audio.playbackRate || 1,
          position: Math.min(Math.max(0, audio.currentTime), duration),
        });
      } catch {
        // A position state the browser rejects is not worth interrupting playback for.
      }
    };
    const updatePlaybackState = () => {
      session.playbackState = audio.paused ? "paused" : "playing";
      updatePosition();
    };
    const events = ["play", "pause", "seeked", "ratechange", "durationchange", "loadedmetadata"];
    for (const name of events) audio.addEventListener(name, updatePlaybackState);
    updatePlaybackState();
    return () => {
      for (const name of events) audio.removeEventListener(name, updatePlaybackState);
      for (const [action] of handlers) setActionHandler(session, action, null);
      if (hasNextTrack) setActionHandler(session, "nexttrack", null);
      session.playbackState = "none";
    };
  }, [audioRef, latest, hasNextTrack]);
}

/** Browsers throw for actions they do not support; the rest still work. */
function setActionHandler(
  session: MediaSession,
  action: MediaSessionAction,
  handler: MediaSessionActionHandler | null,
) {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Not supported here.
  }
}
