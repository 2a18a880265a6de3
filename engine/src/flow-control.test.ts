import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimKey, reserveThrottle, takeRateLimit } from "./flow-control";
import { Store } from "./store";

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "engine-flow-"));
  store = new Store(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("flow control primitives", () => {
  it("throttle lets `burst` runs start at once, then one per period/limit", () => {
    const starts = [0, 0, 0, 0].map(() => reserveThrottle(store, "k", 1, 1000, 2, 10_000));
    expect(starts).toEqual([10_000, 10_000, 11_000, 12_000]);
  });

  it("rate limit caps hits per rolling period", () => {
    expect(takeRateLimit(store, "k", 2, 1000, 0)).toBe(true);
    expect(takeRateLimit(store, "k", 2, 1000, 10)).toBe(true);
    expect(takeRateLimit(store, "k", 2, 1000, 20)).toBe(false);
    expect(takeRateLimit(store, "k", 2, 1000, 1001)).toBe(true);
  });

  it("dedupe keys expire", () => {
    expect(claimKey(store, "k", 100, 0)).toBe(true);
    expect(claimKey(store, "k", 100, 50)).toBe(false);
    expect(claimKey(store, "k", 100, 101)).toBe(true);
  });
});
