import { expect, it } from "vitest";
import { waveformPeaks } from "./waveform-peaks";

it("scales so the loudest sample is ±1, rounds to hundredths and keeps only real buckets", () => {
  const min = Float32Array.from([-0.25, -0.5, 0, 0]);
  const max = Float32Array.from([0.125, 0.333, 0, 0]);
  expect(waveformPeaks(min, max, 500, 0.5, 3)).toEqual({
    bucketMs: 500,
    min: [-0.5, -1, 0],
    max: [0.25, 0.67, 0],
  });
});

it("draws a silent recording flat instead of dividing by zero", () => {
  const zero = new Float32Array(2);
  expect(waveformPeaks(zero, zero, 500, 0, 2)).toEqual({ bucketMs: 500, min: [0, 0], max: [0, 0] });
});
