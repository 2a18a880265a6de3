"use client";

import { type SyntheticEvent, useCallback, useRef, useState } from "react";

type AudioEvent = SyntheticEvent<HTMLAudioElement>;

/**
 * A player's state and commands over one `<audio>`, shared by the sermon page's player and
 * the embeddable one: spread `audioProps` on the element; the rest follows its own events, so
 * a seek from outside (the transcript) moves the seek bar too. `durationMs` is the server's
 * length: while a sermon is still being transcoded its playlists grow, and the seek bar is
 * right from the first second.
 */
export function useAudioPlayer({
  startAt,
  durationMs,
}: {
  startAt: number;
  durationMs: number | null;
}) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [currentTime, setCurrentTime] = useState(startAt);
  const [mediaDuration, setMediaDuration] = useState(0);
  const [speed, setSpeed] = useState<number>(1);
  const duration = durationMs ? durationMs / 1000 : mediaDuration;

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
    // The stream moves to `startAt` only once its first piece is buffered; until then the
    // element still says 0, and a skip must count from where the listener is about to start.
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

  const audioProps = {
    ref: audioRef,
    preload: "metadata",
    onPlay: () => setIsPlaying(true),
    onPause: () => setIsPlaying(false),
    onEnded: () => setIsPlaying(false),
    onTimeUpdate: (event: AudioEvent) => setCurrentTime(event.currentTarget.currentTime),
    onDurationChange: (event: AudioEvent) => {
      const value = event.currentTarget.duration;
      if (Number.isFinite(value)) setMediaDuration(value);
    },
    onRateChange: (event: AudioEvent) => setSpeed(event.currentTarget.playbackRate),
  } as const;

  return {
    audioRef,
    audioProps,
    isPlaying,
    currentTime,
    duration,
    /** 0–1 of the way through. */
    progress: duration > 0 ? Math.min(1, currentTime / duration) : 0,
    speed,
    seekTo,
    skipBy,
    togglePlay,
    changeSpeed,
  };
}
