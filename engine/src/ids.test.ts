import { describe, expect, it } from "vitest";
import { eventUlid, newUlid, parseEventIdSeed } from "./ids";

describe("ids", () => {
  it("newUlid is monotonic within one millisecond", () => {
    const ids = Array.from({ length: 50 }, () => newUlid(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });

  it("seeded event ids are deterministic and add the 1-based position to the last 4 bytes", () => {
    const seed = parseEventIdSeed(`1700000000000,${Buffer.alloc(10).toString("base64")}`);
    expect(eventUlid(seed, 1)).toBe(eventUlid(seed, 1));
    expect(eventUlid(seed, 1).endsWith("1")).toBe(true);
    expect(eventUlid(seed, 2).endsWith("2")).toBe(true);
    expect(eventUlid(seed, 1).slice(0, 10)).toBe(newUlid(1_700_000_000_000).slice(0, 10));
  });

  it("ignores malformed seed headers", () => {
    expect(parseEventIdSeed(undefined)).toBeUndefined();
    expect(parseEventIdSeed("abc,def")).toBeUndefined();
    expect(parseEventIdSeed(`123,${Buffer.alloc(4).toString("base64")}`)).toBeUndefined();
  });
});
