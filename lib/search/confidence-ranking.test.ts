import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIndexedSermon } from "@/eval/search/seed-sermon";
import { createLocalEmbedder } from "@/lib/search/embeddings/local-embedder";
import { type SearchDatabase, startSearchDatabase } from "@/test/support/search-database";
import { DEFAULT_TUNING, searchMoments } from "./search-moments";

const embedder = createLocalEmbedder(384);
let database: SearchDatabase;
const ids: Record<string, string> = {};

// Twins: the same words, heard clearly in one sermon and guessed at in the other.
const paragraph =
  "The prodigal son came home and his father ran to meet him on the road while he was still far off.";

beforeAll(async () => {
  database = await startSearchDatabase();
  const { db } = database;
  const church = await db.church.create({ data: { slug: "grace", name: "Grace Chapel" } });
  const deps = { db, embedder };
  const twin = (title: string, date: string) => ({
    title,
    speaker: "Ruth Okafor",
    date,
    paragraphs: [paragraph],
  });
  // Seeded doubtful first, so insertion order alone would not explain the result.
  ids.mumbled = await seedIndexedSermon(deps, church.id, twin("Mumbled", "2026-01-04"), {
    confidence: 0.1,
  });
  ids.clear = await seedIndexedSermon(deps, church.id, twin("Clear", "2026-01-11"), {
    confidence: 0.95,
  });
  ids.captions = await seedIndexedSermon(deps, church.id, twin("Captioned", "2026-01-18"));
}, 120_000);
afterAll(() => database?.stop());

describe("search weighs moments by the recogniser's confidence", () => {
  it("keeps every match but ranks the clearly heard and uncaptioned twins above the mumbled one", async () => {
    for (const mode of ["fts", "hybrid"] as const) {
      const hits = await searchMoments(
        { db: database.db, embedder },
        { query: "prodigal son father ran", filter: {}, limit: 10 },
        { ...DEFAULT_TUNING, mode },
      );
      const order = hits.map((hit) => hit.sermonId);
      expect(order).toHaveLength(3);
      expect(order.at(-1)).toBe(ids.mumbled);
      expect(order.indexOf(ids.clear!)).toBeLessThan(order.indexOf(ids.mumbled!));
    }
  });

  it("stores each moment's confidence from its segments", async () => {
    const chunks = await database.db.chunk.findMany({
      select: { sermonId: true, confidence: true },
    });
    const bySermon = new Map(chunks.map((chunk) => [chunk.sermonId, chunk.confidence]));
    expect(bySermon.get(ids.mumbled!)).toBeCloseTo(0.1);
    expect(bySermon.get(ids.clear!)).toBeCloseTo(0.95);
    expect(bySermon.get(ids.captions!)).toBeNull();
  });
});
