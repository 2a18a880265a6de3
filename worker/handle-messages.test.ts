import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./handle-messages";

describe("retryDelaySeconds", () => {
  const retry = { baseSeconds: 5, maxSeconds: 300 };

  it("doubles with each receive, within ±20 % jitter", () => {
    for (const [receives, expected] of [
      [1, 5],
      [2, 10],
      [3, 20],
      [4, 40],
      [5, 80],
    ] as const) {
      const delay = retryDelaySeconds(receives, retry);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(expected * 0.8));
      expect(delay).toBeLessThanOrEqual(Math.ceil(expected * 1.2));
    }
  });

  it("is capped, and never 0 (fauxqs drops a message made visible with 0)", () => {
    expect(retryDelaySeconds(30, retry)).toBeLessThanOrEqual(300);
    expect(retryDelaySeconds(1, { baseSeconds: 0, maxSeconds: 0 })).toBe(1);
  });
});
