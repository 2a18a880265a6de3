import type { AudioAnalysisResult } from "./analyse-audio";

/** Streaming target for spoken word (Apple, Spotify and most podcast hosts use -16 LUFS). */
export const TARGET_LUFS = -16;
/**
 * How far the applied gain may be from the one the whole recording calls for: the ±1 LU the
 * usual -16 LUFS delivery specifications allow, and what the tests check on the outputs.
 */
export const GAIN_TOLERANCE_LU = 1;
// The analysis peak comes from a 16 kHz decode; output peaks can sit ~1 dB higher.
const PEAK_HEADROOM_DB = -1.5;
// Above this (16 kHz peak after the gain), an unlimited output would reach full scale.
const CLIPPING_PEAK_DB = PEAK_HEADROOM_DB + 0.5;

export interface LoudnessGain {
  gainDb: number;
  /** A peak limiter is needed because the gain would push peaks to full scale. */
  isLimited: boolean;
}

export interface LoudnessGainOptions {
  /**
   * Limit when the peak comes within this much more of full scale: for a peak measured on
   * samples of the recording, which can miss its loudest moment (default 0).
   */
  peakMarginDb?: number;
}

type Measurement = Pick<AudioAnalysisResult, "integratedLufs" | "samplePeakDb">;

/** One linear gain for the whole recording: dynamics stay as spoken, and it costs nothing to apply. */
export function loudnessGain(
  { integratedLufs, samplePeakDb }: Measurement,
  { peakMarginDb = 0 }: LoudnessGainOptions = {},
): LoudnessGain {
  const gainDb = TARGET_LUFS - integratedLufs;
  return { gainDb, isLimited: samplePeakDb + gainDb > PEAK_HEADROOM_DB - peakMarginDb };
}

/**
 * Whether outputs made with `applied` are within tolerance of -16 LUFS, given the whole
 * recording's measurement: the gain within GAIN_TOLERANCE_LU of the exact one, and no peak
 * pushed to full scale without the limiter.
 */
export function isGainWithinTolerance(applied: LoudnessGain, measured: Measurement): boolean {
  const exact = loudnessGain(measured);
  if (Math.abs(exact.gainDb - applied.gainDb) > GAIN_TOLERANCE_LU) return false;
  return applied.isLimited || measured.samplePeakDb + applied.gainDb <= CLIPPING_PEAK_DB;
}
