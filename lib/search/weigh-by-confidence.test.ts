import { describe, expect, it } from "vitest";
import { weighByConfidence } from "./weigh-by-confidence";

describe("weighByConfidence", () => {
  const fused = [
    { id: "mumbled", score: 0.032 },
    { id: "clear", score: 0.031 },
    { id: "captions", score: 0.02 },
    { id: "far-better-but-doubtful", score: 0.5 },
  ];

  it("puts a clearly heard moment ahead of a near tie the recogniser doubted", () => {
    const confidences = new Map([
      ["mumbled", 0.2],
      ["clear", 0.95],
      ["captions", null],
      ["far-better-but-doubtful", 0.1],
    ]);
    const ranked = weighByConfidence(fused, confidences, 0.15);
    expect(ranked.map((hit) => hit.id)).toEqual([
      "far-better-but-doubtful",
      "clear",
      "mumbled",
      "captions",
    ]);
    expect(ranked.find((hit) => hit.id === "captions")?.score).toBe(0.02);
    expect(ranked.find((hit) => hit.id === "mumbled")?.score).toBeCloseTo(0.032 * (1 - 0.15 * 0.8));
  });

  it("changes nothing with no penalty or no measured confidence", () => {
    expect(weighByConfidence(fused, new Map([["mumbled", 0]]), 0)).toEqual([
      fused[3],
      fused[0],
      fused[1],
      fused[2],
    ]);
    expect(weighByConfidence(fused, new Map(), 0.15).map((hit) => hit.score)).toEqual([
      0.5, 0.032, 0.031, 0.02,
    ]);
  });
});
