"use client";

import { useState } from "react";
import { stepSpeed } from "./playback-speeds";
import { PlayPauseButton } from "./player-buttons";
import { SeekBar } from "./seek-bar";
import { SpeedSelect } from "./speed-select";
import { useAudioPlayer } from "./use-audio-player";
import { useHlsSource } from "./use-hls-source";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useMediaSession } from "./use-media-session";
import { useVolume } from "./use-volume";

export interface EmbedPlayerProps {
  /** The HLS master playlist. */
  src: string;
  /** The single-file download, played where HLS needs hls.js (see useHlsSource). */
  downloadUrl: string | null;
  durationMs: number | null;
  /** Seconds; from `?t=`. */
  startAt: number;
  title: string;
  speaker: string | null;
  church: string;
  /** The day it was preached: shown, and as ISO for `<time>`. */
  date: { label: string; iso: string } | null;
  /** The sermon's page on Selah. */
  pageHref: string;
}

/**
 * The embeddable player (app/embed/sermons/[id]), for other sites' iframes: the sermon's
 * title, speaker, church and date, play/pause, seek, time and speed, and a link to the sermon
 * on Selah (from where the listener is). It shares the page player's logic
 * (useAudioPlayer, useHlsSource) but stays light: no hls.js where the browser can do without.
 */
export function EmbedPlayer({
  src,
  downloadUrl,
  durationMs,
  startAt,
  title,
  speaker,
  church,
  date,
  pageHref,
}: EmbedPlayerProps) {
  const player = useAudioPlayer({ startAt, durationMs });
  const { audioRef, isPlaying, currentTime, duration, speed, seekTo, changeSpeed } = player;
  const [error, setError] = useState<string | null>(null);
  const volume = useVolume(audioRef);
  useHlsSource(audioRef, src, startAt, setError, { progressiveSrc: downloadUrl });
  useKeyboardShortcuts({
    togglePlay: player.togglePlay,
    skipBy: player.skipBy,
    changeVolumeBy: volume.changeVolumeBy,
    toggleMute: volume.toggleMute,
    stepSpeed: (direction) => changeSpeed(stepSpeed(speed, direction)),
  });
  useMediaSession(audioRef, { title, artist: speaker, album: church }, { seekTo, duration });

  const at = Math.floor(currentTime);
  const listenHref = at > 0 ? `${pageHref}?t=${at}` : pageHref;
  return (
    <section
      aria-label={`Player: ${title}`}
      className="flex h-full flex-col justify-between gap-2 rounded-xl border border-stone-200 bg-white p-3 sm:p-4"
    >
      <audio {...player.audioProps} data-testid="sermon-audio" />
      <div className="flex items-center gap-3">
        <PlayPauseButton isPlaying={isPlaying} onClick={player.togglePlay} />
        <div className="min-w-0 flex-1">
          <h1 className="truncate font-serif text-lg font-semibold leading-snug text-stone-900">
            {title}
          </h1>
          <p className="truncate text-sm text-stone-600">
            {[speaker, church].filter(Boolean).join(" · ")}
            {date && (
              <>
                {" · "}
                <time dateTime={date.iso}>{date.label}</time>
              </>
            )}
          </p>
        </div>
      </div>
      <div>
        <SeekBar currentTime={currentTime} duration={duration} onSeek={seekTo} />
      </div>
      <div className="flex items-center justify-between gap-2 text-sm">
        <SpeedSelect speed={speed} onChange={changeSpeed} />
        {error ? (
          <p role="alert" className="truncate text-red-700">
            {error}
          </p>
        ) : null}
        <a
          href={listenHref}
          target="_blank"
          rel="noopener"
          className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
        >
          <span
            aria-hidden
            className="grid size-5 place-items-center rounded bg-amber-700 font-serif text-xs text-white"
          >
            S
          </span>
          Listen on Selah
        </a>
      </div>
    </section>
  );
}
