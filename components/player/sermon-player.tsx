"use client";

import { useCallback, useRef, useState } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { KeyboardShortcutsHint } from "./keyboard-shortcuts-hint";
import { SKIP_SECONDS } from "./keyboard-shortcuts";
import { stepSpeed } from "./playback-speeds";
import { PlayPauseButton, SkipButton } from "./player-buttons";
import { SpeedSelect } from "./speed-select";
import { useHlsSource } from "./use-hls-source";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useMediaSession } from "./use-media-session";
import { useVolume } from "./use-volume";
import { VolumeControl } from "./volume-control";
import { Waveform } from "./waveform";

export interface SermonPlayerProps {
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
}

/**
 * While the sermon is still being transcoded its playlists grow; the total length comes from
 * the server so the seek bar is right from the first second.
 */
export function SermonPlayer({
  src,
  durationMs,
  startAt,
  waveformUrl,
  downloadUrl,
  title,
  artist,
  album,
}: SermonPlayerProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(startAt);
  const [mediaDuration, setMediaDuration] = useState(0);
  const [speed, setSpeed] = useState<number>(1);
  const [error, setError] = useState<string | null>(null);
  const duration = durationMs ? durationMs / 1000 : mediaDuration;
  const volume = useVolume(audioRef);

  useHlsSource(audioRef, src, startAt, setError);

  const seekTo = useCallback(
    (seconds: number) => {
      const audio = audioRef.current;
      if (!audio) return;
      // While the stream is still growing, only what is already published can be reached.
      const end = audio.seekable.length ? audio.seekable.end(audio.seekable.length - 1) : duration;
      audio.currentTime = Math.max(0, Math.min(seconds, end, duration || seconds));
      setCurrentTime(audio.currentTime);
    },
    [duration],
  );

  const skipBy = (seconds: number) => {
    const audio = audioRef.current;
    // hls.js moves to `startAt` only once its first piece is buffered; until then the element
    // still says 0, and a skip must count from where the listener is about to start.
    const position = audio && audio.buffered.length > 0 ? audio.currentTime : currentTime;
    seekTo(position + seconds);
  };

  const togglePlay = () => {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) void audio.play().catch(() => setIsPlaying(false));
    else audio.pause();
  };

  const changeSpeed = (value: number) => {
    setSpeed(value);
    if (audioRef.current) audioRef.current.playbackRate = value;
  };

  useKeyboardShortcuts({
    togglePlay,
    skipBy,
    changeVolumeBy: volume.changeVolumeBy,
    toggleMute: volume.toggleMute,
    stepSpeed: (direction) => changeSpeed(stepSpeed(speed, direction)),
  });
  useMediaSession(audioRef, { title, artist, album }, { seekTo, duration });

  const progress = duration > 0 ? Math.min(1, currentTime / duration) : 0;
  return (
    <section
      aria-label={`Player: ${title}`}
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <audio
        ref={audioRef}
        data-testid="sermon-audio"
        preload="metadata"
        onPlay={() => setIsPlaying(true)}
        onPause={() => setIsPlaying(false)}
        onEnded={() => setIsPlaying(false)}
        onTimeUpdate={(event) => setCurrentTime(event.currentTarget.currentTime)}
        onDurationChange={(event) => {
          const value = event.currentTarget.duration;
          if (Number.isFinite(value)) setMediaDuration(value);
        }}
        onRateChange={(event) => setSpeed(event.currentTarget.playbackRate)}
      />
      <div className="flex items-center gap-4">
        <PlayPauseButton isPlaying={isPlaying} onClick={togglePlay} />
        <div className="min-w-0 flex-1">
          {waveformUrl && (
            <Waveform url={waveformUrl} progress={progress} onSeek={(f) => seekTo(f * duration)} />
          )}
          <input
            type="range"
            aria-label="Seek"
            min={0}
            max={Math.max(1, Math.round(duration))}
            step={1}
            value={Math.round(currentTime)}
            onChange={(event) => seekTo(Number(event.target.value))}
            className="mt-1 w-full accent-amber-600"
          />
          <div className="flex justify-between text-xs tabular-nums text-stone-500">
            <span data-testid="current-time">{formatDuration(currentTime * 1000)}</span>
            <span>{duration > 0 ? formatDuration(duration * 1000) : "–:––"}</span>
          </div>
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
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
