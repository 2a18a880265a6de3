import { describe, expect, it } from "vitest";
import {
  KEPT_AFTER_WORD_SEC as AFTER,
  KEPT_BEFORE_WORD_SEC as BEFORE,
  nextSkipFrom,
  pauseSkips,
  type SilenceInterval,
  skipTargetAt,
} from "./silence-skips";

// Ten 3 s pauses after 4 s of speech each, as the e2e fixture has them.
const tenPauses: SilenceInterval[] = Array.from({ length: 10 }, (_, i) => ({
  startMs: 4_000 + i * 7_000,
  endMs: 7_000 + i * 7_000,
}));

describe("pauseSkips", () => {
  it("keeps a little of each pause at both ends", () => {
    expect(pauseSkips([{ startMs: 4_000, endMs: 7_000 }])).toEqual([
      { fromSec: 4 + AFTER, toSec: 7 - BEFORE },
    ]);
  });

  it("leaves pauses of 0.8 s and shorter alone, and anything malformed", () => {
    const skips = pauseSkips([
      { startMs: 1_000, endMs: 1_800 },
      { startMs: 3_000, endMs: 3_700 },
      { startMs: 5_000, endMs: 5_900 },
      { startMs: Number.NaN, endMs: 9_000 },
      { startMs: -2_000, endMs: 1_000 },
    ]);
    expect(skips).toHaveLength(1);
    expect(skips[0]!.fromSec).toBeCloseTo(5 + AFTER);
  });

  it("saves at least 25 s over ten 3 s pauses, as the ingest maps them (100 ms late)", () => {
    const mapped = tenPauses.map(({ startMs, endMs }) => ({ startMs: startMs + 100, endMs }));
    const saved = pauseSkips(mapped).reduce((sum, s) => sum + s.toSec - s.fromSec, 0);
    expect(saved).toBeGreaterThanOrEqual(25);
  });

  it("sorts the map's silences", () => {
    const skips = pauseSkips([...tenPauses].reverse());
    expect(skips.map((s) => s.fromSec)).toEqual(
      [...skips.map((s) => s.fromSec)].sort((a, b) => a - b),
    );
  });
});

describe("skipTargetAt", () => {
  const skips = pauseSkips(tenPauses);

  it("jumps from inside a pause to just before its end", () => {
    expect(skipTargetAt(skips, 4 + AFTER)).toBeCloseTo(7 - BEFORE);
    expect(skipTargetAt(skips, 5.5)).toBeCloseTo(7 - BEFORE);
    expect(skipTargetAt(skips, 68)).toBeCloseTo(70 - BEFORE);
  });

  it("never jumps while words are spoken or in the kept edges of a pause", () => {
    for (const time of [0, 2, 3.99, 4.05, 6.9, 7, 9, 10.9, 80]) {
      expect(skipTargetAt(skips, time)).toBeNull();
    }
  });

  it("does not jump again from where it landed", () => {
    const target = skipTargetAt(skips, 5)!;
    expect(skipTargetAt(skips, target - 0.01)).toBeNull();
  });

  it("finds nothing in an empty map", () => {
    expect(skipTargetAt([], 3)).toBeNull();
    expect(nextSkipFrom([], 3)).toBeNull();
  });
});

describe("nextSkipFrom", () => {
  const skips = pauseSkips(tenPauses);

  it("names where the next pause's skip begins", () => {
    expect(nextSkipFrom(skips, 0)).toBeCloseTo(4 + AFTER);
    expect(nextSkipFrom(skips, 4 + AFTER)).toBeCloseTo(11 + AFTER);
    expect(nextSkipFrom(skips, 8)).toBeCloseTo(11 + AFTER);
    expect(nextSkipFrom(skips, 67)).toBeCloseTo(67 + AFTER);
    expect(nextSkipFrom(skips, 68)).toBeNull();
  });
});
