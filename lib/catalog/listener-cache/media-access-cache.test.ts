import { describe, expect, it } from "vitest";
import { MediaAccessCache } from "./media-access-cache";

type Access = { visible: boolean; versions: number[] };
const playable: Access = { visible: true, versions: [1] };

function setUp(options: { maxEntries?: number } = {}) {
  let now = 1_000;
  const cache = new MediaAccessCache<Access>({
    ttlMs: 5_000,
    maxStaleMs: 60_000,
    maxEntries: options.maxEntries ?? 100,
    now: () => now,
  });
  const rows = new Map<string, Access | null>();
  let loads = 0;
  /** While set, lookups wait until `answer()` (a slow database). */
  let held: (() => void)[] | undefined;
  const load = (key: string) => async () => {
    loads++;
    if (held) await new Promise<void>((resolve) => held!.push(resolve));
    if (rows.get(key) === undefined) throw new Error("database down");
    return rows.get(key)!;
  };
  const servable = (version: number) => (access: Access) =>
    access.visible && access.versions.includes(version);
  return {
    cache,
    rows,
    loads: () => loads,
    tick: (ms: number) => (now += ms),
    hold: () => (held = []),
    answer: async () => {
      const waiting = held ?? [];
      held = undefined;
      for (const resolve of waiting) resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get: (key: string, version = 1) => cache.lookup(key, load(key), servable(version)),
  };
}

describe("MediaAccessCache", () => {
  it("answers a servable lookup from memory while it is fresh, then looks it up again", async () => {
    const t = setUp();
    t.rows.set("s1", playable);
    await t.get("s1");
    t.tick(4_999);
    expect(await t.get("s1")).toEqual(playable);
    expect(t.loads()).toBe(1);
    t.tick(1);
    await t.get("s1");
    expect(t.loads()).toBe(2);
  });

  it("shares one lookup between requests that arrive together", async () => {
    const t = setUp();
    t.rows.set("s1", playable);
    await Promise.all([t.get("s1"), t.get("s1"), t.get("s1")]);
    expect(t.loads()).toBe(1);
  });

  it("never refuses from memory: a sermon or version that just became playable is looked up again", async () => {
    const t = setUp();
    t.rows.set("s1", null);
    expect(await t.get("s1")).toBeNull();
    t.rows.set("s1", { visible: false, versions: [1] });
    expect(await t.get("s1")).toEqual({ visible: false, versions: [1] });
    t.rows.set("s1", playable);
    expect(await t.get("s1")).toEqual(playable);
    // Version 2's master was recorded meanwhile: the remembered answer does not serve it.
    t.rows.set("s1", { visible: true, versions: [1, 2] });
    expect(await t.get("s1", 2)).toEqual({ visible: true, versions: [1, 2] });
    expect(t.loads()).toBe(4);
    // …and the fresh answer now serves both from memory.
    await t.get("s1", 1);
    expect(t.loads()).toBe(4);
  });

  it("serves the remembered answer while a slow refresh runs, then the refreshed one", async () => {
    const t = setUp();
    t.rows.set("s1", playable);
    await t.get("s1");
    t.tick(6_000);
    t.hold();
    t.rows.set("s1", { visible: false, versions: [1] });
    // The database is slow: requests are answered from memory, with one refresh under way.
    expect(await t.get("s1")).toEqual(playable);
    expect(await t.get("s1")).toEqual(playable);
    expect(t.loads()).toBe(2);
    await t.answer();
    // The sermon was unpublished meanwhile: the refreshed answer refuses, and so looks again.
    expect(await t.get("s1")).toEqual({ visible: false, versions: [1] });
    expect(t.loads()).toBe(3);
  });

  it("waits for the database once the remembered answer is older than maxStaleMs", async () => {
    const t = setUp();
    t.rows.set("s1", playable);
    await t.get("s1");
    t.tick(60_000);
    t.hold();
    let isAnswered = false;
    const pending = t.get("s1").then(() => (isAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(isAnswered).toBe(false);
    await t.answer();
    await pending;
    expect(isAnswered).toBe(true);
  });

  it("does not remember a failed lookup, and keeps the old answer when a refresh fails", async () => {
    const t = setUp();
    await expect(t.get("s1")).rejects.toThrow("database down");
    expect(t.cache.size).toBe(0);
    t.rows.set("s1", playable);
    expect(await t.get("s1")).toEqual(playable);
    t.tick(6_000);
    t.rows.delete("s1");
    expect(await t.get("s1")).toEqual(playable);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await t.get("s1")).toEqual(playable);
    expect(t.loads()).toBe(4);
  });

  it("keeps at most maxEntries, dropping the oldest lookup", async () => {
    const t = setUp({ maxEntries: 2 });
    for (const key of ["a", "b", "c"]) t.rows.set(key, playable);
    await t.get("a");
    await t.get("b");
    await t.get("c");
    expect(t.cache.size).toBe(2);
    await t.get("b");
    await t.get("c");
    expect(t.loads()).toBe(3);
    await t.get("a");
    expect(t.loads()).toBe(4);
  });

  it("forgets everything on clear(), also a lookup that was under way", async () => {
    const t = setUp();
    t.rows.set("s1", playable);
    await t.get("s1");
    t.tick(6_000);
    t.hold();
    const beforeClear = t.get("s1"); // stale: served from memory, refresh started
    expect(await beforeClear).toEqual(playable);
    t.rows.set("s1", { visible: false, versions: [1] }); // unpublished…
    t.cache.clear(); // …and the write's invalidation ran
    await t.answer(); // the refresh begun before the clear lands: not remembered
    expect(t.cache.size).toBe(0);
    const loadsBefore = t.loads();
    expect(await t.get("s1")).toEqual({ visible: false, versions: [1] });
    expect(t.loads()).toBe(loadsBefore + 1);
  });
});
