"use client";

import { useState } from "react";
import type { ListenerChapter } from "@/lib/catalog/chapters/chapter-queries";
import { formatDuration } from "@/lib/platform/text/format";
import { KeyboardShortcutsHint } from "./keyboard-shortcuts-hint";
import { SKIP_SECONDS } from "./keyboard-shortcuts";
import { stepSpeed } from "./playback-speeds";
import { PlayPauseButton, ShareButton, SkipButton } from "./player-buttons";
import { SeekBar } from "./seek-bar";
import { SpeedSelect } from "./speed-select";
import { useAudioPlayer } from "./use-audio-player";
import { useHlsSource } from "./use-hls-source";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useMediaSession } from "./use-media-session";
import { useSavedPosition } from "./use-saved-position";
import { useShareMoment } from "./use-share-moment";
import { useVolume } from "./use-volume";
import { VolumeControl } from "./volume-control";
import { Waveform } from "./waveform";

export interface SermonPlayerProps {
  /** Names the listener's saved place in it (use-saved-position.ts). */
  sermonId: string;
  /** The HLS master playlist. */
  src: string;
  durationMs: number | null;
  /** Seconds; from `?t=`. */
  startAt: number;
  waveformUrl: string | null;
  downloadUrl: string | null;
  title: string;
  /** The speaker, for the lock screen and media keys. */
  artist: string | null;
  /** The church (and series), for the lock screen and media keys. */
  album: string | null;
  /** Marked on the seek bar; the current one is named above it. */
  chapters?: readonly ListenerChapter[];
}

/**
 * The sermon page's player: play, seek (and the waveform), skip, speed, volume, keyboard and
 * media keys, "Share from here" (the page's link at the current time) and the download.
 */
export function SermonPlayer({
  sermonId,
  src,
  durationMs,
  startAt,
  waveformUrl,
  downloadUrl,
  title,
  artist,
  album,
  chapters = [],
}: SermonPlayerProps) {
  const player = useAudioPlayer({ startAt, durationMs });
  const { audioRef, isPlaying, currentTime, duration, speed, seekTo, skipBy, changeSpeed } = player;
  const [error, setError] = useState<string | null>(null);
  const volume = useVolume(audioRef);
  const moment = useShareMoment();

  useHlsSource(audioRef, src, startAt, setError);

  useKeyboardShortcuts({
    togglePlay: player.togglePlay,
    skipBy,
    changeVolumeBy: volume.changeVolumeBy,
    toggleMute: volume.toggleMute,
    stepSpeed: (direction) => changeSpeed(stepSpeed(speed, direction)),
  });
  useMediaSession(audioRef, { title, artist, album }, { seekTo, duration });
  const saved = useSavedPosition({
    audioRef,
    sermonId,
    durationMs,
    title,
    subtitle: album,
    seekTo,
  });

  return (
    <section
      aria-label={`Player: ${title}`}
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <audio {...player.audioProps} data-testid="sermon-audio" />
      <div className="flex items-center gap-4">
        <PlayPauseButton isPlaying={isPlaying} onClick={player.togglePlay} />
        <div className="min-w-0 flex-1">
          {waveformUrl && (
            <Waveform
              url={waveformUrl}
              progress={player.progress}
              onSeek={(f) => seekTo(f * duration)}
            />
          )}
          <SeekBar
            currentTime={currentTime}
            duration={duration}
            onSeek={seekTo}
            chapters={chapters}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <SkipButton seconds={-SKIP_SECONDS} onClick={() => skipBy(-SKIP_SECONDS)} />
        <SkipButton seconds={SKIP_SECONDS} onClick={() => skipBy(SKIP_SECONDS)} />
        <SpeedSelect speed={speed} onChange={changeSpeed} />
        <VolumeControl
          volume={volume.volume}
          isMuted={volume.isMuted}
          onVolumeChange={volume.setVolume}
          onToggleMute={volume.toggleMute}
        />
        <div className="ml-auto flex items-center gap-1">
          <ShareButton onClick={() => void moment.share(currentTime)} />
          <KeyboardShortcutsHint />
          {downloadUrl && (
            <a
              href={downloadUrl}
              download
              className="inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
                <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
              </svg>
              Download
            </a>
          )}
        </div>
      </div>
      {saved.resumedAtMs !== null && (
        <p role="status" className="mt-3 text-xs text-stone-600" data-testid="resumed-at">
          Resumed at {formatDuration(saved.resumedAtMs)} ·{" "}
          <button
            type="button"
            onClick={saved.startOver}
            className="font-medium text-amber-800 hover:underline"
          >
            Start over
          </button>
        </p>
      )}
      {moment.message && (
        <p role="status" className="mt-3 break-all text-xs font-medium text-emerald-700">
          {moment.message}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
