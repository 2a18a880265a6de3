import type { SilenceInterval } from "@/lib/pipeline/media/silence-map";

/** The sermon's normalised audio, downloaded to this machine, with the silences processing found. */
export interface LocalAudio {
  path: string;
  durationMs: number;
  silences: readonly SilenceInterval[];
}
