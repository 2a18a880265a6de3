import { describe, expect, it } from "vitest";
import { fuseRanks } from "./fuse-ranks";

describe("fuseRanks", () => {
  it("rewards ids both lists rank well, by 1 / (k + rank)", () => {
    const fused = fuseRanks(
      [
        { ids: ["a", "b", "c"], weight: 1 },
        { ids: ["c", "a", "d"], weight: 1 },
      ],
      60,
    );
    expect(fused.map((hit) => hit.id)).toEqual(["a", "c", "b", "d"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
  });

  it("lets a weight tip the balance", () => {
    const fused = fuseRanks(
      [
        { ids: ["a", "b"], weight: 1 },
        { ids: ["b", "a"], weight: 2 },
      ],
      60,
    );
    expect(fused.map((hit) => hit.id)).toEqual(["b", "a"]);
  });
});
