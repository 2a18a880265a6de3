"use client";

import type Hls from "hls.js";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDuration } from "@/lib/text/format";
import { Waveform } from "./waveform";

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface SermonPlayerProps {
  /** The HLS master playlist. */
  src: string;
  durationMs: number | null;
  /** Seconds; from `?t=`. */
  startAt: number;
  waveformUrl: string | null;
  downloadUrl: string | null;
  title: string;
}

/**
 * hls.js where Media Source Extensions exist (most browsers), native HLS otherwise (iOS
 * Safari). While the sermon is still being transcoded its playlists grow; the total length
 * comes from the server so the seek bar is right from the first second.
 */
export function SermonPlayer({
  src,
  durationMs,
  startAt,
  waveformUrl,
  downloadUrl,
  title,
}: SermonPlayerProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(startAt);
  const [mediaDuration, setMediaDuration] = useState(0);
  const [speed, setSpeed] = useState<number>(1);
  const [error, setError] = useState<string | null>(null);
  const duration = durationMs ? durationMs / 1000 : mediaDuration;

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
            setError("The recording could not be loaded. Please try again in a moment.");
        });
        hls.loadSource(src);
        hls.attachMedia(audio);
      } else if (audio.canPlayType("application/vnd.apple.mpegurl")) {
        audio.src = src;
        audio.addEventListener("loadedmetadata", () => (audio.currentTime = startAt), {
          once: true,
        });
      } else {
        setError("This browser cannot play streamed audio.");
      }
    });
    return () => {
      isCancelled = true;
      hls?.destroy();
    };
  }, [src, startAt]);

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
        <button
          type="button"
          onClick={togglePlay}
          aria-label={isPlaying ? "Pause" : "Play"}
          className="grid size-14 shrink-0 place-items-center rounded-full bg-amber-600 text-white shadow-sm transition hover:bg-amber-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
        >
          {isPlaying ? (
            <svg aria-hidden viewBox="0 0 24 24" className="size-6 fill-current">
              <rect x="6" y="5" width="4" height="14" rx="1" />
              <rect x="14" y="5" width="4" height="14" rx="1" />
            </svg>
          ) : (
            <svg aria-hidden viewBox="0 0 24 24" className="ml-1 size-6 fill-current">
              <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5Z" />
            </svg>
          )}
        </button>
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
        <button
          type="button"
          onClick={() => seekTo(currentTime - 15)}
          className="rounded-lg border border-stone-200 px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-50"
        >
          −15 s
        </button>
        <button
          type="button"
          onClick={() => seekTo(currentTime + 30)}
          className="rounded-lg border border-stone-200 px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-50"
        >
          +30 s
        </button>
        <label className="flex items-center gap-2 rounded-lg border border-stone-200 px-3 py-1.5 text-stone-700">
          <span className="font-medium">Speed</span>
          <select
            value={speed}
            onChange={(event) => changeSpeed(Number(event.target.value))}
            className="bg-transparent font-medium tabular-nums outline-none"
          >
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        {downloadUrl && (
          <a
            href={downloadUrl}
            download
            className="ml-auto inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
          >
            <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
              <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
            </svg>
            Download
          </a>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
