import { describe, expect, it } from "vitest";
import { stepSpeed } from "./playback-speeds";

describe("stepSpeed", () => {
  it("moves one listed speed up or down", () => {
    expect(stepSpeed(1, 1)).toBe(1.25);
    expect(stepSpeed(1, -1)).toBe(0.75);
  });

  it("stops at the slowest and fastest speeds", () => {
    expect(stepSpeed(2, 1)).toBe(2);
    expect(stepSpeed(0.75, -1)).toBe(0.75);
  });

  it("snaps an unlisted speed to its listed neighbour", () => {
    expect(stepSpeed(1.1, 1)).toBe(1.25);
    expect(stepSpeed(1.1, -1)).toBe(1);
  });
});
