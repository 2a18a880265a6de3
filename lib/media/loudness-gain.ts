import type { AudioAnalysisResult } from "./analyse-audio";

/** Streaming target for spoken word (Apple, Spotify and most podcast hosts use -16 LUFS). */
export const TARGET_LUFS = -16;
// The analysis peak comes from a 16 kHz decode; output peaks can sit ~1 dB higher.
const PEAK_HEADROOM_DB = -1.5;

export interface LoudnessGain {
  gainDb: number;
  /** A peak limiter is needed because the gain would push peaks to full scale. */
  isLimited: boolean;
}

/** One linear gain for the whole recording: dynamics stay as spoken, and it costs nothing to apply. */
export function loudnessGain({
  integratedLufs,
  samplePeakDb,
}: Pick<AudioAnalysisResult, "integratedLufs" | "samplePeakDb">): LoudnessGain {
  const gainDb = TARGET_LUFS - integratedLufs;
  return { gainDb, isLimited: samplePeakDb + gainDb > PEAK_HEADROOM_DB };
}
