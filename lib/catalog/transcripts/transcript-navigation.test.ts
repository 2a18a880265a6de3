import { describe, expect, it } from "vitest";
import {
  findHits,
  highlightParts,
  momentUrl,
  segmentIndexAt,
  stepHit,
} from "./transcript-navigation";

const segments = [
  { startMs: 1000, endMs: 3000, text: "Grace and peace." },
  { startMs: 4000, endMs: 6000, text: "Turn to Romans eight." },
  { startMs: 6000, endMs: 9000, text: "Grace upon grace." },
];

describe("transcript navigation", () => {
  it("finds the segment playing, keeping the last one lit through a pause", () => {
    expect(
      [0, 999, 1000, 3500, 4000, 5999, 6000, 60_000].map((ms) => segmentIndexAt(segments, ms)),
    ).toEqual([-1, -1, 0, 0, 1, 1, 2, 2]);
    expect(segmentIndexAt([], 5)).toBe(-1);
  });

  it("finds hits case-insensitively and steps through them with wrap-around", () => {
    expect(findHits(segments, " GRACE ")).toEqual([0, 2]);
    expect(findHits(segments, "  ")).toEqual([]);
    expect([
      stepHit(2, -1, 1),
      stepHit(2, 0, 1),
      stepHit(2, 1, 1),
      stepHit(2, 0, -1),
      stepHit(2, -1, -1),
      stepHit(0, 0, 1),
    ]).toEqual([0, 1, 0, 1, 1, -1]);
  });

  it("marks every occurrence in the original casing", () => {
    expect(highlightParts("Grace upon grace.", "grace")).toEqual([
      { text: "Grace", isHit: true },
      { text: " upon ", isHit: false },
      { text: "grace", isHit: true },
      { text: ".", isHit: false },
    ]);
  });

  it("links to a moment with ?t= in whole seconds", () => {
    expect(momentUrl("https://selah.test/churches/grace/sermons/hope?t=5&x=1#top", 83.9)).toBe(
      "https://selah.test/churches/grace/sermons/hope?t=83&x=1",
    );
  });
});
