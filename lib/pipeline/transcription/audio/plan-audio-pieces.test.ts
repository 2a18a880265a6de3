import { describe, expect, it } from "vitest";
import { planAudioPieces } from "./plan-audio-pieces";

const silences = [
  { startMs: 9000, endMs: 10_000 },
  { startMs: 19_000, endMs: 21_000 },
  { startMs: 40_000, endMs: 41_000 },
];

describe("planAudioPieces", () => {
  it("keeps audio within the limit whole", () => {
    expect(planAudioPieces({ durationMs: 60_000, bytes: 1000, maxBytes: 1000 }, silences)).toEqual([
      { startMs: 0, endMs: 60_000 },
    ]);
  });

  it("cuts at the latest silence middle that keeps a piece under the size limit", () => {
    // 60 s in 3000 bytes, 1000 allowed: target 0.9 × 20 s = 18 s per piece.
    expect(planAudioPieces({ durationMs: 60_000, bytes: 3000, maxBytes: 1000 }, silences)).toEqual([
      { startMs: 0, endMs: 9500 },
      { startMs: 9500, endMs: 20_000 },
      // No silence between half and all of the target: cut at the target.
      { startMs: 20_000, endMs: 38_000 },
      { startMs: 38_000, endMs: 56_000 },
      { startMs: 56_000, endMs: 60_000 },
    ]);
  });

  it("splits into a number of balanced pieces for parallel recognisers", () => {
    expect(planAudioPieces({ durationMs: 42_000, count: 2 }, silences)).toEqual([
      { startMs: 0, endMs: 20_000 },
      { startMs: 20_000, endMs: 42_000 },
    ]);
    expect(planAudioPieces({ durationMs: 60_000, count: 3 }, [])).toEqual([
      { startMs: 0, endMs: 20_000 },
      { startMs: 20_000, endMs: 40_000 },
      { startMs: 40_000, endMs: 60_000 },
    ]);
  });
});
