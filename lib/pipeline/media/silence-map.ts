import { QUARTER_MS } from "./audio-analysis";

export interface SilenceInterval {
  startMs: number;
  endMs: number;
}

export interface SilenceOptions {
  /** A 100 ms step quieter than this (K-weighted, LUFS) counts as silent. */
  thresholdLufs: number;
  /** Shorter quiet gaps (between words) are not silences. */
  minSilenceMs: number;
}

/**
 * Silent intervals at 100 ms resolution, from the analysis energies. Later stages split
 * long audio at these, so the threshold is relative to the recording's own loudness.
 */
export function silenceMap(
  quarterEnergy: Float64Array,
  quarterSamples: Float64Array,
  { thresholdLufs, minSilenceMs }: SilenceOptions,
): SilenceInterval[] {
  const silences: SilenceInterval[] = [];
  let runStart: number | undefined;
  const close = (endQuarter: number) => {
    if (runStart !== undefined && (endQuarter - runStart) * QUARTER_MS >= minSilenceMs) {
      silences.push({ startMs: runStart * QUARTER_MS, endMs: endQuarter * QUARTER_MS });
    }
    runStart = undefined;
  };
  for (let q = 0; q < quarterEnergy.length; q++) {
    const samples = quarterSamples[q] ?? 0;
    if (samples === 0) break; // past the end of the audio
    const loudness = -0.691 + 10 * Math.log10((quarterEnergy[q] ?? 0) / samples);
    if (loudness < thresholdLufs) runStart ??= q;
    else close(q);
  }
  close(lastFilledQuarter(quarterSamples) + 1);
  return silences;
}

function lastFilledQuarter(quarterSamples: Float64Array): number {
  let q = quarterSamples.length - 1;
  while (q > 0 && (quarterSamples[q] ?? 0) === 0) q--;
  return q;
}
