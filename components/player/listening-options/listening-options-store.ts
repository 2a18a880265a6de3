"use client";

/** The listener's choices for how sermons sound, and what skipping silence has saved. */
export interface ListeningOptions {
  /** Jump over pauses longer than 0.8 s (silence-skips.ts). */
  skipSilence: boolean;
  /** Compress and brighten the voice, for quiet, echoing rooms (voice-boost.ts). */
  voiceBoost: boolean;
  /** Listening time skipping silence has saved in the item now playing, in seconds. */
  savedSec: number;
}

const STORAGE_KEY = "selah:listening-options";
const SERVER_SNAPSHOT: ListeningOptions = { skipSilence: false, voiceBoost: false, savedSec: 0 };

let snapshot = SERVER_SNAPSHOT;
let isInitialised = false;
/** The item `savedSec` counts for; another item starts again from nothing. */
let countingFor: string | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<ListeningOptions>) {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

function ensureInitialised() {
  if (isInitialised || typeof window === "undefined") return;
  isInitialised = true;
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}") as unknown;
    if (stored && typeof stored === "object") {
      const { skipSilence, voiceBoost } = stored as Record<string, unknown>;
      snapshot = {
        ...snapshot,
        skipSilence: skipSilence === true,
        voiceBoost: voiceBoost === true,
      };
    }
  } catch {
    // Unreadable or refused storage: the defaults, off.
  }
}

function persist() {
  try {
    const { skipSilence, voiceBoost } = snapshot;
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ skipSilence, voiceBoost }));
  } catch {
    // Full or refused storage: the choice lasts for this visit only.
  }
}

/** Kept in this browser, like the player's queue; views read it with useListeningOptions. */
export const listeningOptions = {
  subscribe(listener: () => void) {
    ensureInitialised();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  getSnapshot(): ListeningOptions {
    ensureInitialised();
    return snapshot;
  },
  getServerSnapshot: (): ListeningOptions => SERVER_SNAPSHOT,

  setSkipSilence(skipSilence: boolean) {
    set({ skipSilence });
    persist();
  },
  setVoiceBoost(voiceBoost: boolean) {
    set({ voiceBoost });
    persist();
  },
  /** The player moved to `itemKey`: the time saved counts from nothing for it. */
  countFor(itemKey: string | null) {
    if (itemKey === countingFor) return;
    countingFor = itemKey;
    set({ savedSec: 0 });
  },
  addSaved(seconds: number) {
    if (seconds > 0) set({ savedSec: snapshot.savedSec + seconds });
  },
};
