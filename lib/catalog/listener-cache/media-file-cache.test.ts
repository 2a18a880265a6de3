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

  it("reads a file to fill it once however many requests ask at the same time", async () => {
    const cache = new MediaFileCache(1000, 200);
    let reads = 0;
    const read = async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return file(120);
    };
    await Promise.all([cache.fill("a", read), cache.fill("a", read), cache.fill("a", read)]);
    expect(reads).toBe(1);
    expect(cache.get("a")?.etag).toBe('"120"');
    await cache.fill("a", read);
    expect(reads).toBe(1);
  });

  it("survives a failed fill, and reads again on the next one", async () => {
    const cache = new MediaFileCache(1000, 200);
    await cache.fill("a", () => Promise.reject(new Error("storage is down")));
    expect(cache.get("a")).toBeUndefined();
    await cache.fill("a", async () => file(50));
    expect(cache.get("a")).toBeDefined();
  });
});
