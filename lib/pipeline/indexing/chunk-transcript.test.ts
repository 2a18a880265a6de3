import { describe, expect, it } from "vitest";
import { chunkTranscript } from "./chunk-transcript";

const segments = (...durationsS: number[]) => {
  let at = 0;
  return durationsS.map((seconds, i) => {
    const segment = { startMs: at, endMs: at + seconds * 1000, text: `s${i}` };
    at += seconds * 1000;
    return segment;
  });
};

describe("chunkTranscript", () => {
  it("closes a moment at the first segment boundary past 30 s", () => {
    const moments = chunkTranscript(segments(10, 10, 15, 20, 20, 10));
    // The last 10 s join the moment before, which stays within 90 s.
    expect(moments).toEqual([
      { position: 0, startMs: 0, endMs: 35_000, text: "s0 s1 s2" },
      { position: 1, startMs: 35_000, endMs: 85_000, text: "s3 s4 s5" },
    ]);
  });

  it("never grows a moment past 90 s, but keeps an overlong segment whole", () => {
    const moments = chunkTranscript(segments(25, 25, 45, 120, 5));
    expect(moments.map((m) => [m.startMs, m.endMs])).toEqual([
      [0, 50_000],
      [50_000, 95_000],
      [95_000, 215_000],
      // Joining the 5 s tail to the long moment would pass 90 s, so it stands alone.
      [215_000, 220_000],
    ]);
  });

  it("keeps a short sermon as one moment and skips empty segments", () => {
    const input = [...segments(5, 5), { startMs: 10_000, endMs: 11_000, text: "  " }];
    expect(chunkTranscript(input)).toEqual([
      { position: 0, startMs: 0, endMs: 10_000, text: "s0 s1" },
    ]);
    expect(chunkTranscript([])).toEqual([]);
  });
});
