import { describe, expect, it } from "vitest";
import { MediaFileCache } from "./media-file-cache";

const file = (bytes: number) => ({ body: new Uint8Array(bytes), etag: `"${bytes}"` });

describe("MediaFileCache", () => {
  it("keeps files up to its size, letting the least recently used go first", () => {
    const cache = new MediaFileCache(300, 200);
    cache.set("a", file(100));
    cache.set("b", file(100));
    cache.set("c", file(100));
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    cache.set("d", file(100));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.etag).toBe('"100"');
    expect(cache.get("c")).toBeDefined();
    expect(cache.get("d")).toBeDefined();
    expect(cache.size).toEqual({ files: 3, bytes: 300 });
  });

  it("never keeps a file over its per-file limit, and counts a key once", () => {
    const cache = new MediaFileCache(1000, 200);
    cache.set("big", file(201));
    expect(cache.get("big")).toBeUndefined();
    cache.set("a", file(150));
    cache.set("a", file(150));
    expect(cache.size).toEqual({ files: 1, bytes: 150 });
  });
});
