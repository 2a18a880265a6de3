/**
 * BS.1770-4 integrated loudness (LUFS) from K-weighted energy per 100 ms: 400 ms blocks
 * with 75 % overlap, an absolute gate at -70 LUFS and a relative gate 10 LU below the
 * ungated mean. Returns -Infinity when nothing passes the absolute gate (silence).
 */
export function integratedLoudness(
  quarterEnergy: Float64Array,
  quarterSamples: Float64Array,
  samplesPerQuarter: number,
): number {
  const blocks: number[] = [];
  for (let q = 0; q + 4 <= quarterEnergy.length; q++) {
    let energy = 0;
    let samples = 0;
    for (let k = q; k < q + 4; k++) {
      energy += quarterEnergy[k] ?? 0;
      samples += quarterSamples[k] ?? 0;
    }
    // Only whole blocks count; this drops the ragged end of the recording.
    if (samples >= 4 * samplesPerQuarter - 1) blocks.push(energy / samples);
  }
  const loudnessOf = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

  const aboveAbsolute = blocks.filter((e) => loudnessOf(e) > -70);
  if (aboveAbsolute.length === 0) return -Infinity;
  const relativeGate = loudnessOf(mean(aboveAbsolute)) - 10;
  const gated = aboveAbsolute.filter((e) => loudnessOf(e) > relativeGate);
  return loudnessOf(mean(gated));
}
