import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/platform/db/client";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import type { Embedder } from "@/lib/search/embeddings/embedder";
import { type SearchDatabase, startSearchDatabase } from "@/test/support/search-database";
import {
  replaceChunks,
  type SermonScope,
  storeChunkVectors,
  vectorCandidates,
  vectorLiteral,
} from "./chunk-sql";
import { searchMoments } from "./search-moments";
import { seededRandom } from "@/test/support/seeded-random";

// Small vectors keep the HNSW inserts quick; the scan behaviour does not depend on the size.
const DIMENSIONS = 16;
let database: SearchDatabase;
let db: Db;
let smallSermonIds: string[];
let crowdSermonIds: string[];

const unit = (vector: number[]) => vector.map((value) => value / Math.hypot(...vector));
// Centred on zero, so vectors point every way; seeded, so the graph is the same every run.
const random = seededRandom(7);
const next = () => random() - 0.5;
const queryVector = unit(Array.from({ length: DIMENSIONS }, next));
// "near" moments crowd around the query; "far" ones point anywhere.
const near = () => unit(queryVector.map((value) => value + next() * 0.2));
const far = () => unit(Array.from({ length: DIMENSIONS }, next));

const fixedEmbedder: Embedder = {
  model: "fixed",
  dimensions: DIMENSIONS,
  maxBatchSize: 1,
  embed: async () => [queryVector],
};

async function seedChurch(
  db: Db,
  slug: string,
  sermons: number,
  chunksPerSermon: number,
  vector: () => number[],
) {
  const church = await db.church.create({ data: { slug, name: slug } });
  const ids: string[] = [];
  for (let s = 0; s < sermons; s++) {
    const sermon = await db.sermon.create({
      data: {
        churchId: church.id,
        slug: `s${s}`,
        title: `${slug} ${s}`,
        status: "searchable",
        publishState: "published",
      },
    });
    ids.push(sermon.id);
    const rows = Array.from({ length: chunksPerSermon }, (_, position) => ({
      position,
      startMs: position * 60_000,
      endMs: (position + 1) * 60_000,
      text: `Moment ${position} of ${slug} sermon ${s}.`,
      context: null,
    }));
    const chunkIds = await db.$transaction((tx) =>
      replaceChunks(tx, { sermonId: sermon.id, churchId: church.id }, rows),
    );
    await storeChunkVectors(
      db,
      "fixed",
      chunkIds,
      rows.map(() => vector()),
    );
  }
  return ids;
}

beforeAll(async () => {
  database = await startSearchDatabase();
  await ensureVectorColumn(database.url, DIMENSIONS);
  crowdSermonIds = await seedChurch(database.db, "crowd", 16, 50, near);
  smallSermonIds = await seedChurch(database.db, "small", 8, 30, far);
  // A table this small is cheaper to filter and sort exactly, which would hide the HNSW path
  // that large tables take; rule the other plans out. PGlite serves every connection from
  // its one backend, so these session settings reach the search's connections too.
  db = createDb(database.url, 1);
  for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"])
    await db.$executeRawUnsafe(`SET ${setting} = off`);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.stop();
});

/** The vector query's shape (chunk-sql.ts vectorCandidates) with a chosen scan mode. */
const nearestSmall = (iterativeScan: "off" | "relaxed_order", explain = "") =>
  db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = ${iterativeScan}`);
    return tx.$queryRawUnsafe<Array<Record<string, string>>>(
      `${explain} SELECT c.id FROM "Chunk" c WHERE c."sermonId" = ANY($1::text[]) AND c.embedding IS NOT NULL
       ORDER BY c.embedding <=> $2::vector LIMIT 25`,
      smallSermonIds,
      vectorLiteral(queryVector),
    );
  });

describe("a filtered search whose nearest moments are all filtered out", () => {
  it("is planned as an HNSW scan, and a plain scan of it comes back short", async () => {
    const plan = await nearestSmall("off", "EXPLAIN");
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Chunk_embedding_hnsw_idx");
    expect((await nearestSmall("off")).length).toBeLessThan(25);
  });

  it("still returns k moments when at least k match, through HNSW and by exact ranking", async () => {
    const deps = { db, embedder: fixedEmbedder };
    for (const mode of ["vector", "hybrid"] as const) {
      const hits = await searchMoments(
        deps,
        { query: "zebra", filter: { churchSlug: "small" }, limit: 25 },
        // No exact ranking, so the HNSW path is the one tested.
        {
          mode,
          rrfK: 60,
          ftsWeight: 1,
          vectorWeight: 1,
          exactScanMaxRows: 0,
          confidencePenalty: 0,
        },
      );
      expect(hits).toHaveLength(25);
      expect(new Set(hits.map((hit) => hit.churchSlug))).toEqual(new Set(["small"]));
    }
    const exact = await searchMoments(
      deps,
      { query: "zebra", filter: { churchSlug: "small" }, limit: 25 },
      {
        mode: "vector",
        rrfK: 60,
        ftsWeight: 1,
        vectorWeight: 1,
        exactScanMaxRows: 1000,
        confidencePenalty: 0,
      },
    );
    const truth = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = on");
      return tx.$queryRawUnsafe<Array<{ id: string }>>(
        `SELECT id FROM "Chunk" WHERE "sermonId" = ANY($1::text[]) ORDER BY embedding <=> $2::vector LIMIT 25`,
        smallSermonIds,
        vectorLiteral(queryVector),
      );
    });
    expect(exact.map((hit) => hit.id)).toEqual(truth.map((row) => row.id));
  });
});

describe("choosing between exact ranking and the HNSW index", () => {
  /** The plan vectorCandidates chose (it sets enable_indexscan for its transaction), and its hits. */
  const choose = (scope: SermonScope, exactScanMaxRows: number) =>
    db.$transaction(async (tx) => {
      const hits = await vectorCandidates(tx, queryVector, scope, 25, { exactScanMaxRows });
      const [row] = await tx.$queryRawUnsafe<Array<{ setting: string }>>(
        "SELECT current_setting('enable_indexscan') AS setting",
      );
      return { plan: row?.setting === "on" ? "hnsw" : "exact", hits };
    });
  const everySermon: SermonScope = { kind: "allBut", ids: [] };
  const smallChurch = (): SermonScope => ({ kind: "only", ids: smallSermonIds });

  it("counts the eligible moments while the table's statistics are missing or small", async () => {
    // 1,040 moments in all: over the limit → HNSW; under it → exact, unfiltered or not.
    expect((await choose(everySermon, 1000)).plan).toBe("hnsw");
    expect((await choose(everySermon, 5000)).plan).toBe("exact");
    expect((await choose(smallChurch(), 1000)).plan).toBe("exact");
  });

  it("skips the count over the whole catalogue once statistics put it far over the limit", async () => {
    await db.$executeRawUnsafe('ANALYZE "Chunk"');
    // The statistics say 1,040 > 2 × 400, so the whole catalogue goes to HNSW uncounted: even
    // when all it leaves is the small church's 240 moments (the crowd's sermons hidden), which
    // a count would rank exactly.
    const whole = await choose({ kind: "allBut", ids: crowdSermonIds }, 400);
    expect(whole.plan).toBe("hnsw");
    expect(whole.hits).toHaveLength(25);
    // …while a filter is still counted (240 moments: exact), whatever the statistics say.
    const narrowed = await choose(smallChurch(), 400);
    expect(narrowed.plan).toBe("exact");
    expect(narrowed.hits).toHaveLength(25);
    // And within twice the limit the statistics are not trusted: counted, 1,040 ≤ 1,100 → exact.
    expect((await choose(everySermon, 1100)).plan).toBe("exact");
  });
});
