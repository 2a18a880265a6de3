import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./create-rate-limiter";

describe("createRateLimiter", () => {
  it("allows a burst, then one more per refill interval, per subject", () => {
    let clock = 0;
    const limiter = createRateLimiter({ burst: 3, refillMs: 1000 }, () => clock);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("b").allowed).toBe(true);
    clock = 999;
    expect(limiter.take("a").allowed).toBe(false);
    clock = 1000;
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    clock = 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a").allowed)).toEqual([true, true, true, false]);
  });

  it("says how long to wait for the next token", () => {
    let clock = 0;
    const limiter = createRateLimiter({ burst: 1, refillMs: 5000 }, () => clock);
    limiter.take("a");
    clock = 1500;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });
});
