/** Waveform for the player: min/max per fixed time bucket, scaled so the loudest sample is ±1. */
export interface WaveformPeaks {
  bucketMs: number;
  min: number[];
  max: number[];
}

export function waveformPeaks(
  bucketMin: Float32Array,
  bucketMax: Float32Array,
  bucketMs: number,
  peak: number,
  bucketCount: number,
): WaveformPeaks {
  const scale = peak > 0 ? 1 / peak : 0;
  // Two decimals are finer than any drawn waveform and keep an hour's JSON ~ 80 kB.
  const round = (v: number) => Math.round(v * scale * 100) / 100 || 0;
  return {
    bucketMs,
    min: Array.from(bucketMin.subarray(0, bucketCount), round),
    max: Array.from(bucketMax.subarray(0, bucketCount), round),
  };
}
