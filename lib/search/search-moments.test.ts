import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SermonFixture, seedIndexedSermon } from "@/eval/search/seed-sermon";
import { createLocalEmbedder } from "@/lib/search/embeddings/local-embedder";
import { type SearchDatabase, startSearchDatabase } from "@/test/support/search-database";
import { parseScriptureFilter } from "./scripture-filter";
import { type EligibleFilter } from "./chunk-sql";
import { type MomentHit, searchMoments } from "./search-moments";

const embedder = createLocalEmbedder(384);
let database: SearchDatabase;
const ids: Record<string, string> = {};

// Each paragraph is about 30 s at the seeding pace (75 words), so each becomes one moment.
const pad = (text: string) =>
  `${text} ${"And so we listen and we wait and we pray together as a church family this morning. ".repeat(5)}`;

const romans: SermonFixture = {
  title: "More Than Conquerors",
  speaker: "Ruth Okafor",
  series: "Romans",
  date: "2026-01-04",
  mainPassage: "Romans 8:28-39",
  paragraphs: [
    pad(
      "Paul says that all things work together for good for those who love God, which is not the same as saying all things are good.",
    ),
    pad(
      "Nothing can separate us from the love of God: not height, not depth, not anything else in all creation.",
    ),
    pad(
      "Tribulation, distress, persecution, famine and nakedness are named one by one, because Paul had known each of them.",
    ),
  ],
};
const psalm: SermonFixture = {
  title: "The Lord Is My Shepherd",
  speaker: "David Lindqvist",
  series: "Psalms of Ascent",
  date: "2026-02-01",
  mainPassage: "Psalm 23",
  paragraphs: [
    pad("He makes me lie down in green pastures; the shepherd knows where the sheep can rest."),
    pad(
      "Even though I walk through the valley of the shadow of death, I will fear no evil, for you are with me.",
    ),
    pad(
      "You prepare a table before me in the presence of my enemies; my cup overflows with goodness.",
    ),
  ],
};
const john: SermonFixture = {
  title: "God So Loved",
  speaker: "Maria Santos",
  series: null,
  date: "2026-03-01",
  mainPassage: "John 3:16-21",
  paragraphs: [
    pad(
      "For God so loved the world that he gave his only Son, and Nicodemus came to Jesus by night to ask about it.",
    ),
    pad(
      "Light has come into the world, and people loved darkness rather than light because their deeds were evil.",
    ),
  ],
};
const hidden: SermonFixture = {
  title: "Draft About Shepherds",
  speaker: "Ruth Okafor",
  date: "2026-04-01",
  mainPassage: "Psalm 23",
  paragraphs: [
    pad("A draft moment about the shepherd and the valley of the shadow that nobody may hear yet."),
  ],
};

beforeAll(async () => {
  database = await startSearchDatabase();
  const { db } = database;
  const grace = await db.church.create({ data: { slug: "grace", name: "Grace Chapel" } });
  const hope = await db.church.create({ data: { slug: "hope", name: "Hope Church" } });
  const deps = { db, embedder };
  ids.romans = await seedIndexedSermon(deps, grace.id, romans);
  ids.psalm = await seedIndexedSermon(deps, grace.id, psalm);
  ids.john = await seedIndexedSermon(deps, hope.id, john, { spokenPassages: ["Romans 8:1"] });
  ids.draft = await seedIndexedSermon(deps, grace.id, hidden, { publishState: "draft" });
  ids.future = await seedIndexedSermon(
    deps,
    grace.id,
    { ...hidden, title: "Scheduled Later" },
    {
      publishState: "scheduled",
      publishAt: new Date(Date.now() + 86_400_000),
    },
  );
  // Scheduled without a time: never due (over the whole catalogue it must count as hidden).
  ids.undated = await seedIndexedSermon(
    deps,
    hope.id,
    { ...hidden, title: "Scheduled Undated" },
    { publishState: "scheduled" },
  );
  ids.due = await seedIndexedSermon(
    deps,
    hope.id,
    { ...hidden, title: "Scheduled Earlier" },
    {
      publishState: "scheduled",
      publishAt: new Date(Date.now() - 60_000),
    },
  );
});
afterAll(async () => {
  await database?.stop();
});

const search = (query: string, filter: EligibleFilter = {}, limit = 10) =>
  searchMoments({ db: database.db, embedder }, { query, filter, limit });
const sermonsOf = (hits: MomentHit[]) => new Set(hits.map((hit) => hit.sermonId));
const secondMomentMs = 75 * 400;

describe("hybrid search over a seeded corpus", () => {
  it.each([
    ["nothing can separate us from the love of God", "romans", 1],
    ["all things work together for good", "romans", 0],
    ["famine and nakedness", "romans", 2],
    ["valley of the shadow of death", "psalm", 1],
    ["green pastures", "psalm", 0],
    ["Nicodemus came by night", "john", 0],
    ["people loved darkness rather than light", "john", 1],
  ])("puts the moment that says %j first", async (query, sermon, moment) => {
    const [first] = await search(query);
    expect(first?.sermonId).toBe(ids[sermon]);
    expect(first?.startMs).toBeGreaterThanOrEqual(moment * secondMomentMs);
    expect(first?.startMs).toBeLessThan((moment + 1) * secondMomentMs);
    expect(first?.href).toMatch(new RegExp(`\\?t=${Math.floor(first!.startMs / 1000)}$`));
  });

  it("highlights the matched words in the snippet and links to the sermon's moment", async () => {
    const [first] = await search("green pastures");
    expect(
      first?.snippet.filter((part) => part.isHighlight).map((part) => part.text.toLowerCase()),
    ).toEqual(expect.arrayContaining(["green", "pastures"]));
    expect(first).toMatchObject({
      sermonTitle: "The Lord Is My Shepherd",
      speakerName: "David Lindqvist",
      churchSlug: "grace",
      mainPassage: "Psalm 23",
    });
    expect(first?.href).toBe("/churches/grace/sermons/the-lord-is-my-shepherd-2026-02-01?t=0");
  });

  it("shows listeners only published sermons and scheduled ones whose time has come", async () => {
    const found = sermonsOf(await search("draft moment about the shepherd valley shadow", {}, 50));
    expect(found.has(ids.draft!)).toBe(false);
    expect(found.has(ids.future!)).toBe(false);
    expect(found.has(ids.undated!)).toBe(false);
    expect(found.has(ids.due!)).toBe(true);
  });
});

describe("filters", () => {
  const query = "God love light shepherd things";

  it("narrow by church, speaker, series and date range", async () => {
    expect(sermonsOf(await search(query, { churchSlug: "hope" }, 50))).toEqual(
      new Set([ids.john, ids.due]),
    );
    const speaker = await database.db.speaker.findFirstOrThrow({
      where: { name: "David Lindqvist" },
    });
    expect(sermonsOf(await search(query, { speakerId: speaker.id }, 50))).toEqual(
      new Set([ids.psalm]),
    );
    const series = await database.db.series.findFirstOrThrow({ where: { title: "Romans" } });
    expect(sermonsOf(await search(query, { seriesId: series.id }, 50))).toEqual(
      new Set([ids.romans]),
    );
    expect(sermonsOf(await search(query, { from: "2026-01-15", to: "2026-03-01" }, 50))).toEqual(
      new Set([ids.psalm, ids.john]),
    );
    expect(await search(query, { churchSlug: "no-such-church" })).toEqual([]);
  });

  it.each([
    ["Romans 8", ["romans", "john"]],
    ["Romans", ["romans", "john"]],
    ["Rom 8:35-36", ["romans"]],
    ["Romans 8:1-2", ["john"]],
    ["Romans 7:20-8:1", ["john"]],
    ["John 3", ["john"]],
    ["John 3:1-15", []],
    ["Psalms", ["psalm", "due"]],
    ["Ps 23:4", ["psalm", "due"]],
    ["Genesis 1", []],
  ])(
    "scripture %j matches sermons whose main or spoken passages overlap it",
    async (passage, expected) => {
      const hits = await search(
        query + " draft valley",
        { scripture: parseScriptureFilter(passage) },
        50,
      );
      expect(sermonsOf(hits)).toEqual(new Set(expected.map((name) => ids[name])));
    },
  );
});
