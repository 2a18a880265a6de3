import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/platform/db/client";
import { startSearchDatabase, type SearchDatabase } from "@/test/support/search-database";
import {
  neighbours,
  parsePagePassage,
  findPassageChurches,
  findPassageMoments,
} from "./passage-moments";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import { passagePagePath } from "@/lib/catalog/scripture/passage-page-path";

describe("parsePagePassage", () => {
  it("reads a chapter and a verse by their canonical book slugs", () => {
    expect(parsePagePassage("john", "3")).toEqual({
      book: "John",
      bookSlug: "john",
      chapter: 3,
      verse: null,
      label: "John 3",
      startKey: 43_003_000,
      endKey: 43_003_999,
    });
    expect(parsePagePassage("john", "3", "16")).toMatchObject({
      label: "John 3:16",
      startKey: 43_003_016,
      endKey: 43_003_016,
    });
    expect(parsePagePassage("1-corinthians", "13")).toMatchObject({
      book: "1Cor",
      label: "1 Corinthians 13",
    });
    expect(parsePagePassage("song-of-songs", "2", "1")).toMatchObject({
      bookSlug: "song-of-songs",
      label: "Song of Songs 2:1",
    });
    expect(parsePagePassage("jude", "1", "25")).toMatchObject({ label: "Jude 1:25" });
  });

  it("accepts the aliases the passage parser knows, naming the canonical slug", () => {
    expect(parsePagePassage("jn", "3")).toMatchObject({ book: "John", bookSlug: "john" });
    expect(parsePagePassage("1cor", "13")).toMatchObject({ bookSlug: "1-corinthians" });
    expect(parsePagePassage("psalms", "23")).toMatchObject({ bookSlug: "psalm", chapter: 23 });
    expect(parsePagePassage("John", "3")).toMatchObject({ bookSlug: "john" });
  });

  it("is null for an unknown book", () => {
    expect(parsePagePassage("hezekiah", "1")).toBeNull();
    expect(parsePagePassage("", "1")).toBeNull();
    expect(parsePagePassage("john%203", "1")).toBeNull();
  });

  it("is null for a chapter or verse the book does not have", () => {
    expect(parsePagePassage("john", "22")).toBeNull();
    expect(parsePagePassage("john", "0")).toBeNull();
    expect(parsePagePassage("john", "03")).toBeNull();
    expect(parsePagePassage("john", "three")).toBeNull();
    expect(parsePagePassage("psalm", "151")).toBeNull();
    expect(parsePagePassage("jude", "2")).toBeNull();
    expect(parsePagePassage("john", "3", "37")).toBeNull();
    expect(parsePagePassage("john", "3", "0")).toBeNull();
  });

  it("knows the chapters (or verses) either side, within the book", () => {
    const at = (book: string, chapter: string, verse?: string) =>
      neighbours(parsePagePassage(book, chapter, verse)!);
    expect(at("john", "1").previous).toBeNull();
    expect(at("john", "1").next?.label).toBe("John 2");
    expect(at("john", "21").next).toBeNull();
    expect(at("john", "3", "36").next).toBeNull();
    expect(at("john", "3", "16").previous?.label).toBe("John 3:15");
  });
});

describe("passagePagePath", () => {
  const pathOf = (text: string) => passagePagePath(parsePassages(text).passages[0]!);
  it("links a single verse to its page, anything longer to its first chapter's", () => {
    expect(pathOf("John 3:16")).toBe("/bible/john/3/16");
    expect(pathOf("Rom 8:28-39")).toBe("/bible/romans/8");
    expect(pathOf("1 Cor 12:31-13:13")).toBe("/bible/1-corinthians/12");
    expect(pathOf("Song 2")).toBe("/bible/song-of-songs/2");
  });
});

describe("findPassageMoments", () => {
  let database: SearchDatabase;
  let db: Db;
  const now = new Date("2026-12-06T12:00:00Z");

  async function sermon(
    churchId: string,
    slug: string,
    options: {
      publishState?: "draft" | "published" | "scheduled";
      publishAt?: Date;
      preachedOn: string;
      playable?: boolean;
      speakerId?: string;
      refs: Array<{ text: string; source?: "main" | "spoken"; atMs?: number }>;
    },
  ) {
    const created = await db.sermon.create({
      data: {
        churchId,
        slug,
        title: `Sermon ${slug}`,
        publishState: options.publishState ?? "published",
        publishAt: options.publishAt,
        preachedOn: new Date(`${options.preachedOn}T00:00:00Z`),
        status: "searchable",
        speakerId: options.speakerId,
      },
    });
    if (options.playable !== false) {
      await db.mediaAsset.create({
        data: {
          sermonId: created.id,
          kind: "master_playlist",
          key: `churches/${churchId}/sermons/${created.id}/v1/master.m3u8`,
          contentType: "application/vnd.apple.mpegurl",
        },
      });
    }
    for (const ref of options.refs) {
      const [passage] = parsePassages(ref.text).passages;
      const { text, ...range } = passage!;
      await db.scriptureRef.create({
        data: {
          sermonId: created.id,
          source: ref.source ?? "main",
          atMs: ref.atMs,
          ...range,
          text,
        },
      });
    }
  }

  beforeAll(async () => {
    database = await startSearchDatabase();
    db = database.db;
    const grace = await db.church.create({ data: { slug: "grace", name: "Grace Chapel" } });
    const hope = await db.church.create({ data: { slug: "hope", name: "Hope Church" } });
    const ruth = await db.speaker.create({
      data: { churchId: grace.id, slug: "ruth", name: "Ruth Okafor" },
    });
    // John 3 is read in a sermon whose passage starts in John 2, and one ending in John 4.
    await sermon(grace.id, "across-into-3", {
      preachedOn: "2026-11-01",
      refs: [{ text: "John 2:23-3:3" }],
    });
    await sermon(hope.id, "across-out-of-3", {
      preachedOn: "2026-11-08",
      refs: [{ text: "John 3:31-4:6" }, { text: "Rom 8:1", source: "spoken", atMs: 754_000 }],
    });
    await sermon(grace.id, "spoken", {
      preachedOn: "2026-11-15",
      speakerId: ruth.id,
      refs: [
        { text: "Gen 1" },
        { text: "John 3:16", source: "spoken", atMs: 1_234_567 },
        { text: "John 3:17", source: "spoken", atMs: 95_000 },
      ],
    });
    await sermon(grace.id, "neighbours-only", {
      preachedOn: "2026-11-22",
      refs: [{ text: "John 2:1-25" }, { text: "John 4:1", source: "spoken", atMs: 1000 }],
    });
    await sermon(grace.id, "draft", {
      publishState: "draft",
      preachedOn: "2026-11-29",
      refs: [{ text: "John 3" }],
    });
    await sermon(grace.id, "scheduled-later", {
      publishState: "scheduled",
      publishAt: new Date("2026-12-13T09:00:00Z"),
      preachedOn: "2026-12-13",
      refs: [{ text: "John 3:1" }],
    });
    await sermon(hope.id, "scheduled-due", {
      publishState: "scheduled",
      publishAt: new Date("2026-12-06T09:00:00Z"),
      preachedOn: "2026-12-06",
      refs: [{ text: "John 3:16-21" }],
    });
    await sermon(hope.id, "not-playable-yet", {
      preachedOn: "2026-12-01",
      playable: false,
      refs: [{ text: "John 3" }],
    });
  });
  afterAll(async () => {
    await database?.stop();
  });

  const john3 = () => parsePagePassage("john", "3")!;

  it("lists every playable moment overlapping the chapter, newest sermon first", async () => {
    const { moments, truncated } = await findPassageMoments(db, john3(), { now });
    expect(truncated).toBe(false);
    expect(moments.map((m) => [m.sermonSlug, m.source, m.reference])).toEqual([
      ["scheduled-due", "main", "John 3:16–21"],
      ["spoken", "spoken", "John 3:17"],
      ["spoken", "spoken", "John 3:16"],
      ["across-out-of-3", "main", "John 3:31–4:6"],
      ["across-into-3", "main", "John 2:23–3:3"],
    ]);
    expect(moments[0]).toMatchObject({
      sermonTitle: "Sermon scheduled-due",
      church: { slug: "hope", name: "Hope Church" },
      preachedOn: new Date("2026-12-06T00:00:00Z"),
      startMs: 0,
      href: "/churches/hope/sermons/scheduled-due",
      sermonHref: "/churches/hope/sermons/scheduled-due",
    });
  });

  it("gives a spoken reference the time it is heard, and a link that plays from there", async () => {
    const { moments } = await findPassageMoments(db, parsePagePassage("john", "3", "16")!, {
      now,
    });
    expect(moments.map((m) => [m.sermonSlug, m.source, m.startMs, m.href])).toEqual([
      ["scheduled-due", "main", 0, "/churches/hope/sermons/scheduled-due"],
      ["spoken", "spoken", 1_234_567, "/churches/grace/sermons/spoken?t=1234"],
    ]);
    expect(moments[1]).toMatchObject({ speaker: "Ruth Okafor", church: { name: "Grace Chapel" } });
    expect(moments[0]!.speaker).toBeNull();
  });

  it("narrows to one church, and says which churches have moments", async () => {
    const { moments } = await findPassageMoments(db, john3(), { now, churchSlug: "grace" });
    expect(new Set(moments.map((m) => m.church.slug))).toEqual(new Set(["grace"]));
    expect(moments.map((m) => m.sermonSlug)).toEqual(["spoken", "spoken", "across-into-3"]);
    expect(await findPassageChurches(db, john3(), now)).toEqual([
      { slug: "grace", name: "Grace Chapel" },
      { slug: "hope", name: "Hope Church" },
    ]);
    expect(await findPassageMoments(db, john3(), { now, churchSlug: "nowhere" })).toEqual({
      moments: [],
      truncated: false,
    });
  });

  it("is bounded, and says when there was more", async () => {
    const { moments, truncated } = await findPassageMoments(db, john3(), { now, limit: 2 });
    expect(moments).toHaveLength(2);
    expect(truncated).toBe(true);
  });

  it("finds nothing for a passage no playable sermon touches", async () => {
    const { moments } = await findPassageMoments(db, parsePagePassage("obadiah", "1")!, { now });
    expect(moments).toEqual([]);
  });
});
