"use client";

import { useSyncExternalStore } from "react";
import { type ListeningOptions, listeningOptions } from "./listening-options-store";

/** The listener's skip-silence and voice-boost choices, and the time saved; re-renders on change. */
export function useListeningOptions(): ListeningOptions {
  return useSyncExternalStore(
    listeningOptions.subscribe,
    listeningOptions.getSnapshot,
    listeningOptions.getServerSnapshot,
  );
}
