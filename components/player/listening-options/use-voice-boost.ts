"use client";

import { useEffect } from "react";
import { useListeningOptions } from "./use-listening-options";
import { setVoiceBoost } from "./voice-boost";

/**
 * The voice boost on the listener's one `<audio>`: switched at once when the listener toggles
 * it, and, when it was left on, from the first play (a gesture, which Web Audio needs).
 */
export function useVoiceBoost(audio: HTMLAudioElement | null) {
  const { voiceBoost } = useListeningOptions();
  useEffect(() => {
    if (!audio) return;
    if (!audio.paused || !voiceBoost) {
      setVoiceBoost(audio, voiceBoost);
      return;
    }
    const onPlay = () => setVoiceBoost(audio, true);
    audio.addEventListener("play", onPlay, { once: true });
    return () => audio.removeEventListener("play", onPlay);
  }, [audio, voiceBoost]);
}
