import { describe, expect, it } from "vitest";
import { silenceMap } from "./silence-map";

/** Quarters (100 ms) at the given loudness, 1600 samples each; `null` marks "past the end". */
function quarters(levels: (number | null)[]): [Float64Array, Float64Array] {
  const energy = new Float64Array(levels.length);
  const samples = new Float64Array(levels.length);
  levels.forEach((lufs, i) => {
    if (lufs === null) return;
    samples[i] = 1600;
    energy[i] = 1600 * 10 ** ((lufs + 0.691) / 10);
  });
  return [energy, samples];
}

const loud = -20;
const quiet = -80;
const options = { thresholdLufs: -50, minSilenceMs: 300 };

describe("silenceMap", () => {
  it("returns quiet runs at least minSilenceMs long, in ms", () => {
    const [energy, samples] = quarters([loud, quiet, quiet, quiet, loud, quiet, quiet, loud, loud]);
    expect(silenceMap(energy, samples, options)).toEqual([{ startMs: 100, endMs: 400 }]);
  });

  it("closes a silence that runs to the end of the audio, not to the end of the buffer", () => {
    const [energy, samples] = quarters([loud, quiet, quiet, quiet, quiet, null, null]);
    expect(silenceMap(energy, samples, options)).toEqual([{ startMs: 100, endMs: 500 }]);
  });

  it("treats digital silence (zero energy) as silent", () => {
    const [energy, samples] = quarters([loud, loud, loud, loud]);
    energy.fill(0, 1, 4);
    expect(silenceMap(energy, samples, options)).toEqual([{ startMs: 100, endMs: 400 }]);
  });

  it("finds none in continuous sound", () => {
    const [energy, samples] = quarters([loud, -45, loud, -49, loud]);
    expect(silenceMap(energy, samples, options)).toEqual([]);
  });
});
