import { describe, expect, it } from "vitest";
import { ndcgAt10, recallAt10, reciprocalRank } from "./metrics";

const judged = new Map([
  ["a", 3],
  ["b", 1],
]);

describe("ranking metrics", () => {
  it("score the ideal ranking 1 and penalise worse ones", () => {
    expect(ndcgAt10(["a", "b", "x"], judged)).toBeCloseTo(1, 12);
    expect(ndcgAt10(["b", "a"], judged)).toBeCloseTo(
      (1 + 7 / Math.log2(3)) / (7 + 1 / Math.log2(3)),
      12,
    );
    expect(ndcgAt10(["x", "y"], judged)).toBe(0);
  });

  it("count recall and reciprocal rank within the first ten", () => {
    expect(recallAt10(["x", "a"], judged)).toBe(0.5);
    expect(reciprocalRank(["x", "y", "b"], judged)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([...Array.from({ length: 10 }, (_, i) => `x${i}`), "a"], judged)).toBe(0);
  });
});
