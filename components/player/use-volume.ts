"use client";

import { type RefObject, useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "selah.player.volume";

interface SavedVolume {
  volume: number;
  isMuted: boolean;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

function readSaved(): SavedVolume | null {
  try {
    const saved = JSON.parse(
      localStorage.getItem(STORAGE_KEY) ?? "null",
    ) as Partial<SavedVolume> | null;
    if (typeof saved?.volume !== "number" || !Number.isFinite(saved.volume)) return null;
    return { volume: clamp(saved.volume), isMuted: saved.isMuted === true };
  } catch {
    return null;
  }
}

function save(value: SavedVolume) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: the volume just is not remembered.
  }
}

/** Volume and mute for `audioRef`, remembered between visits in this browser. */
export function useVolume(audioRef: RefObject<HTMLAudioElement | null>) {
  const [state, setState] = useState<SavedVolume>({ volume: 1, isMuted: false });

  // Read after mounting: the server render cannot know it, and must match the first client render.
  useEffect(() => {
    const saved = readSaved();
    if (saved) setState(saved);
  }, []);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.volume = state.volume;
    audio.muted = state.isMuted;
  }, [audioRef, state]);

  const update = useCallback((next: (previous: SavedVolume) => SavedVolume) => {
    setState((previous) => {
      const value = next(previous);
      save(value);
      return value;
    });
  }, []);

  /** Moving the volume is a wish to hear it, so it also unmutes. */
  const setVolume = useCallback(
    (volume: number) => update(() => ({ volume: clamp(volume), isMuted: false })),
    [update],
  );
  const changeVolumeBy = useCallback(
    (delta: number) =>
      update((previous) => ({
        volume: clamp(Math.round((previous.volume + delta) * 100) / 100),
        isMuted: false,
      })),
    [update],
  );
  // Unmuting at volume 0 would still be silent, so it brings the volume back up.
  const toggleMute = useCallback(
    () =>
      update((previous) =>
        previous.isMuted || previous.volume === 0
          ? { volume: previous.volume || 0.5, isMuted: false }
          : { ...previous, isMuted: true },
      ),
    [update],
  );

  return { volume: state.volume, isMuted: state.isMuted, setVolume, changeVolumeBy, toggleMute };
}
