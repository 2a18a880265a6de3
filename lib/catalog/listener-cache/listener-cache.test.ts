import { beforeEach, describe, expect, it, vi } from "vitest";
import { cacheCodec } from "./cache-codec";
import { CATALOG_TAG, churchTag, sermonTag } from "./cache-tags";
import { cachedForListeners, type ListenerData } from "./cached-for-listeners";
import { expireListenerTags } from "./expire-listener-tags";

// Next's data cache, as far as these modules use it: entries by key, dropped by tag. What
// Next itself does with them is shown end to end by e2e/listener-cache.spec.ts.
const cache = vi.hoisted(() => ({
  entries: new Map<string, { text: string; tags: string[] }>(),
  options: [] as { tags: string[]; revalidate: number }[],
}));
vi.mock("next/cache", () => ({
  unstable_cache:
    (
      run: () => Promise<string>,
      keyParts: string[],
      options: { tags: string[]; revalidate: number },
    ) =>
    async () => {
      cache.options.push(options);
      const key = JSON.stringify(keyParts);
      // Served as Next serves it: through JSON.
      const hit = cache.entries.get(key);
      if (hit) return JSON.parse(hit.text) as string;
      const text = await run();
      cache.entries.set(key, { text: JSON.stringify(text), tags: options.tags });
      return text;
    },
  revalidateTag: (tag: string, profile: { expire: number }) => {
    expect(profile).toEqual({ expire: 0 });
    for (const [key, entry] of cache.entries)
      if (entry.tags.includes(tag)) cache.entries.delete(key);
  },
}));

beforeEach(() => {
  cache.entries.clear();
  cache.options.length = 0;
});

describe("cache tags", () => {
  it("name the home page, a church's pages and one sermon's page", () => {
    expect(CATALOG_TAG).toBe("catalog");
    expect(churchTag("grace-chapel")).toBe("church:grace-chapel");
    expect(sermonTag("grace-chapel", "born-again")).toBe("sermon:grace-chapel/born-again");
    // A church's tag is never a prefix of another church's sermon tags, nor the other way.
    expect(sermonTag("grace", "x").startsWith(churchTag("grace"))).toBe(false);
  });
});

describe("cacheCodec", () => {
  it("gives back Dates as Dates, everything else as JSON does", () => {
    const value = {
      preachedOn: new Date("2025-03-02T00:00:00Z"),
      list: [{ at: new Date(0) }],
      n: 1,
      none: null,
      text: "a",
    };
    const decoded = cacheCodec.decode<typeof value>(
      JSON.parse(JSON.stringify(cacheCodec.encode(value))),
    );
    expect(decoded).toEqual(value);
    expect(decoded.preachedOn).toBeInstanceOf(Date);
    expect(decoded.list[0]!.at).toBeInstanceOf(Date);
  });
});

describe("cachedForListeners", () => {
  const sermonPage = (
    query: (
      church: string,
      sermon: string,
    ) => Promise<ListenerData<{ title: string; preachedOn: Date } | null>>,
  ) =>
    cachedForListeners(
      "sermon-page",
      (church: string, sermon: string) => [churchTag(church), sermonTag(church, sermon)],
      query,
    );

  it("serves a second read from the cache, under the read's tags, with Dates intact", async () => {
    const query = vi.fn(async () => ({
      value: { title: "Hope", preachedOn: new Date("2025-03-02") },
      validUntil: null,
    }));
    const read = sermonPage(query);
    expect(await read("grace", "hope")).toEqual({
      title: "Hope",
      preachedOn: new Date("2025-03-02"),
    });
    const again = await read("grace", "hope");
    expect(again?.preachedOn).toBeInstanceOf(Date);
    expect(query).toHaveBeenCalledTimes(1);
    expect(cache.options[0]).toEqual({
      tags: ["church:grace", "sermon:grace/hope"],
      revalidate: 300,
    });
    // Other arguments are other entries.
    await read("grace", "faith");
    expect(query).toHaveBeenCalledTimes(2);
  });

  it("reads again once a writer expires one of its tags, and not for another church's", async () => {
    let title = "Hope";
    const query = vi.fn(async () => ({
      value: { title, preachedOn: new Date(0) },
      validUntil: null,
    }));
    const read = sermonPage(query);
    await read("grace", "hope");
    title = "Renamed";
    expireListenerTags([churchTag("other"), CATALOG_TAG]);
    expect((await read("grace", "hope"))?.title).toBe("Hope");
    expireListenerTags([churchTag("grace"), CATALOG_TAG]);
    expect((await read("grace", "hope"))?.title).toBe("Renamed");
    title = "Transcript fixed";
    expireListenerTags([sermonTag("grace", "hope")]);
    expect((await read("grace", "hope"))?.title).toBe("Transcript fixed");
    expect(query).toHaveBeenCalledTimes(3);
  });

  it("past its validUntil (a sermon being prepared, a scheduled time) reads the database until a write", async () => {
    let title = "Being prepared";
    const query = vi.fn(async () => ({
      value: { title, preachedOn: new Date(0) },
      validUntil: Date.now() - 1,
    }));
    const read = sermonPage(query);
    expect((await read("grace", "hope"))?.title).toBe("Being prepared");
    title = "Streamable";
    expect((await read("grace", "hope"))?.title).toBe("Streamable");
    expect(query).toHaveBeenCalledTimes(2);

    const later = vi.fn(async () => ({
      value: { title: "Scheduled", preachedOn: new Date(0) },
      validUntil: Date.now() + 60_000,
    }));
    const readLater = sermonPage(later);
    await readLater("grace", "later");
    await readLater("grace", "later");
    expect(later).toHaveBeenCalledTimes(1);
  });

  it("does not cache a read whose tag Next would drop (too long to be a real slug)", async () => {
    const query = vi.fn(async () => ({ value: null, validUntil: null }));
    const read = sermonPage(query);
    const long = "x".repeat(300);
    await read(long, "hope");
    await read(long, "hope");
    expect(query).toHaveBeenCalledTimes(2);
    expect(cache.entries.size).toBe(0);
  });
});
