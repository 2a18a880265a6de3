// npm run bench:search [-- --sizes 10000,100000 --queries 60]
// Generates a synthetic corpus of moments (sermon-like vocabulary with a Zipf distribution,
// 50 moments a sermon, 20 churches), loads it with multi-row INSERTs, builds the HNSW index
// after loading, then times searches through the app's own code path (searchMoments):
// hybrid and full-text-only, with and without filters (church; church + scripture book).
// Then re-indexes one church's sermons while timing unfiltered hybrid searches (how much a
// re-index slows searches down). Prints p50/p95 per case and the hybrid/FTS ratio; the last
// line is one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadDataset } from "@/eval/search/dataset";
import { createDb } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { ensureVectorColumn, MOMENT_VECTOR_INDEX_SQL } from "@/lib/platform/db/vector-column";
import { directoryBytes } from "@/lib/platform/embedded/database-cache-size";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { createEmbedder } from "@/lib/search/embeddings/create-embedder";
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";
import type { EligibleFilter } from "@/lib/search/chunk-sql";
import { indexSermon } from "@/lib/pipeline/indexing/index-sermon";
import { parseScriptureFilter } from "@/lib/search/scripture-filter";
import { DEFAULT_TUNING, searchMoments, type SearchMode } from "@/lib/search/search-moments";
import { seededRandom } from "@/test/support/seeded-random";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    queries: { type: "string", default: "60" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const queryCount = Number(values.queries);
// The configured embedder (EMBEDDING_PROVIDER, EMBEDDING_DIMENSIONS): local-semantic/1024 by default.
const embedder = createEmbedder(readEmbeddingConfig());
await embedder.prepare?.();
const DIMENSIONS = embedder.dimensions;
const PER_SERMON = 50;
const CHURCHES = 20;
const WORDS_PER_MOMENT = 70;

// Vocabulary: the eval sermons' words, ordered by frequency, drawn with a Zipf law.
const dataset = await loadDataset("eval/search/default");
const counts = new Map<string, number>();
for (const sermon of dataset.sermons.values()) {
  for (const word of sermon.paragraphs
    .join(" ")
    .toLowerCase()
    .match(/[a-z']+/g) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
}
const vocabulary = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
const zipf = vocabulary.map((_, rank) => 1 / (rank + 1));
const cumulative: number[] = [];
zipf.reduce((sum, weight, i) => (cumulative[i] = sum + weight), 0);
const total = cumulative.at(-1)!;
const next = seededRandom(42);
const drawWord = () => {
  const target = next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const sentence = (words: number) => Array.from({ length: words }, drawWord).join(" ");
// Queries use mid-frequency words, as people search for topics rather than "the".
const queryWord = () =>
  vocabulary[20 + Math.floor(next() * Math.min(600, vocabulary.length - 20))]!;

async function load(url: string, chunks: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(`DROP INDEX IF EXISTS "Chunk_embedding_hnsw_idx"`);
  await client.query(
    `INSERT INTO "Church" (id, slug, name, "updatedAt") SELECT 'c' || i, 'church-' || i, 'Church ' || i, now() FROM generate_series(1, ${CHURCHES}) i`,
  );
  const sermons = Math.ceil(chunks / PER_SERMON);
  await client.query(`INSERT INTO "Sermon" (id, "churchId", slug, title, "preachedOn", status, "publishState", "mediaVersion", "updatedAt")
    SELECT 's' || i, 'c' || (1 + i % ${CHURCHES}), 'sermon-' || i, 'Sermon ' || i, date '2020-01-01' + (i % 2000), 'searchable', 'published', 1, now()
    FROM generate_series(1, ${sermons}) i`);
  // One main passage a sermon: a chapter of one of the 66 books.
  await client.query(`INSERT INTO "ScriptureRef" (id, "sermonId", source, book, "startChapter", "endChapter", "startKey", "endKey", text)
    SELECT 'r' || i, 's' || i, 'main', 'B' || (1 + i % 66), 1 + i % 20, 1 + i % 20,
      (1 + i % 66) * 1000000 + (1 + i % 20) * 1000 + 1, (1 + i % 66) * 1000000 + (1 + i % 20) * 1000 + 30, 'Passage ' || i
    FROM generate_series(1, ${sermons}) i`);
  const BATCH = 250;
  for (let offset = 0; offset < chunks; offset += BATCH) {
    const params: unknown[] = [];
    const rows: string[] = [];
    const texts = Array.from({ length: Math.min(chunks, offset + BATCH) - offset }, () =>
      sentence(WORDS_PER_MOMENT),
    );
    const vectors = await embedder.embed(texts);
    for (let i = offset; i < Math.min(chunks, offset + BATCH); i++) {
      const sermon = 1 + Math.floor(i / PER_SERMON);
      const text = texts[i - offset]!;
      const vector = `[${vectors[i - offset]!.map((v) => v.toFixed(5)).join(",")}]`;
      const p = params.length;
      rows.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}::vector, '${embedder.model}')`,
      );
      params.push(
        `k${i}`,
        `s${sermon}`,
        `c${1 + (sermon % CHURCHES)}`,
        i % PER_SERMON,
        (i % PER_SERMON) * 60_000,
        ((i % PER_SERMON) + 1) * 60_000,
        text,
        vector,
      );
    }
    await client.query(
      `INSERT INTO "Chunk" (id, "sermonId", "churchId", position, "startMs", "endMs", text, embedding, "embeddingModel") VALUES ${rows.join(",")}`,
      params,
    );
  }
  const loadedMs = performance.now() - started;
  console.log(`  rows loaded in ${round(loadedMs / 1000)} s; building the HNSW index…`);
  const indexStarted = performance.now();
  // The graph is built in memory while it fits (~1.8 KB a moment at 384 dimensions), far more
  // slowly after; the embedded database's WebAssembly heap ends at 2 GB.
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(MOMENT_VECTOR_INDEX_SQL);
  const indexMs = performance.now() - indexStarted;
  await client.query("ANALYZE");
  await client.end();
  return { loadSeconds: round(loadedMs / 1000), hnswBuildSeconds: round(indexMs / 1000) };
}

const round = (value: number) => Math.round(value * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

// A church of at most this many sermons is re-indexed (all 100 of one at 100k moments).
const REINDEX_SERMONS = 100;

/**
 * Gives one church's sermons (up to REINDEX_SERMONS) a transcript, a segment per moment as the
 * loader wrote them, then re-indexes them one after another with the pipeline's own
 * indexSermon, no pause between (the worst case for searches waiting their turn).
 */
async function reindexChurch(url: string, churchId: string) {
  const db = createDb(url, 1);
  try {
    const sermons = await db.sermon.findMany({
      where: { churchId },
      select: { id: true },
      orderBy: { id: "asc" },
      take: REINDEX_SERMONS,
    });
    const ids = sermons.map((sermon) => sermon.id);
    await db.$executeRaw`INSERT INTO "Transcript" (id, "sermonId", provider)
      SELECT 't' || id, id, 'provided' FROM unnest(${ids}::text[]) AS id`;
    await db.$executeRaw`INSERT INTO "TranscriptSegment" (id, "transcriptId", position, "startMs", "endMs", text)
      SELECT 'g' || id, 't' || "sermonId", position, "startMs", "endMs", text FROM "Chunk" WHERE "sermonId" = ANY(${ids}::text[])`;
    const started = performance.now();
    let moments = 0;
    for (const { id } of sermons) {
      const indexed = await indexSermon(
        { db, embedder },
        { sermonId: id, churchId, mediaVersion: 1 },
      );
      if (!indexed.isIndexed) throw new Error(`re-indexing ${id}: ${indexed.reason}`);
      moments += indexed.chunkCount;
    }
    const seconds = round((performance.now() - started) / 1000);
    return { sermons: sermons.length, moments, seconds };
  } finally {
    await db.$disconnect();
  }
}

const results: Record<string, unknown> = {};
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), "selah-bench-search-"));
  const dataDir = path.join(dir, "pglite");
  const loader = await startEmbeddedDatabase({ dataDir, port: 0 });
  console.log(`\n${size} moments: generating and loading…`);
  let loading;
  try {
    await migrate(loader.url);
    await ensureVectorColumn(loader.url, DIMENSIONS);
    loading = await load(loader.url, size);
  } catch (error) {
    await loader.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  await loader.stop();
  // Started again, as an installation that grew to this size next starts: its page cache is
  // sized to the data it now holds (database-cache-size.ts).
  const database = await startEmbeddedDatabase({ dataDir, port: 0 });
  const db = createDb(database.url, 1);
  try {
    console.log(
      `  loaded in ${loading.loadSeconds} s, HNSW index built in ${loading.hnswBuildSeconds} s; restarted with a ${database.cacheMb} MB page cache`,
    );
    const deps = { db, embedder };
    const queries = Array.from({ length: queryCount }, () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, queryWord).join(" "),
    );
    const filters: Record<string, EligibleFilter> = {
      none: {},
      church: { churchSlug: "church-3" },
      // Sermon 3's church and book (Numbers): 1 sermon in 660 matches both.
      "church+book": { churchSlug: "church-4", scripture: parseScriptureFilter("Numbers") },
    };
    const cases: Record<string, { p50: number; p95: number; meanHits: number }> = {};
    for (const [filterName, filter] of Object.entries(filters)) {
      for (const mode of ["fts", "hybrid"] as SearchMode[]) {
        const times: number[] = [];
        let hits = 0;
        for (const [i, query] of [...queries.slice(0, 5), ...queries].entries()) {
          const started = performance.now();
          const found = await searchMoments(
            deps,
            { query, filter, limit: 10 },
            { ...DEFAULT_TUNING, mode, vectorWeight: 0.5 },
          );
          if (i >= 5) {
            times.push(performance.now() - started);
            hits += found.length;
          }
        }
        times.sort((a, b) => a - b);
        cases[`${mode}/${filterName}`] = {
          p50: round(percentile(times, 0.5)),
          p95: round(percentile(times, 0.95)),
          meanHits: round(hits / queries.length),
        };
      }
    }
    const ratios = Object.fromEntries(
      Object.keys(filters).map((f) => [
        f,
        Number((cases[`hybrid/${f}`]!.p95 / cases[`fts/${f}`]!.p95).toFixed(2)),
      ]),
    );
    console.log(`  ${"case".padEnd(22)}${"p50 ms".padEnd(10)}${"p95 ms".padEnd(10)}hits`);
    for (const [name, c] of Object.entries(cases))
      console.log(
        `  ${name.padEnd(22)}${String(c.p50).padEnd(10)}${String(c.p95).padEnd(10)}${c.meanHits}`,
      );
    console.log(`  hybrid/FTS p95 ratio: ${JSON.stringify(ratios)}`);

    // Unfiltered hybrid searches, back to back, while another connection re-indexes a church.
    const reindexing = reindexChurch(database.url, "c5");
    let isReindexing = true;
    // A failure surfaces where the result is awaited, below.
    reindexing.finally(() => (isReindexing = false)).catch(() => undefined);
    const during: number[] = [];
    for (let i = 0; isReindexing; i++) {
      const started = performance.now();
      await searchMoments(
        deps,
        { query: queries[i % queries.length]!, filter: {}, limit: 10 },
        { ...DEFAULT_TUNING, mode: "hybrid", vectorWeight: 0.5 },
      );
      during.push(performance.now() - started);
    }
    during.sort((a, b) => a - b);
    const reindex = {
      ...(await reindexing),
      searches: during.length,
      p50: round(percentile(during, 0.5)),
      p95: round(percentile(during, 0.95)),
      p95ToNormal: Number((percentile(during, 0.95) / cases["hybrid/none"]!.p95).toFixed(2)),
    };
    console.log(
      `  during a re-index of one church (${reindex.sermons} sermons, ${reindex.moments} moments in ${reindex.seconds} s): hybrid p50 ${reindex.p50} / p95 ${reindex.p95} ms, ${reindex.p95ToNormal}× the normal p95`,
    );
    // The database runs inside this process, and its WebAssembly memory never shrinks: what the
    // process holds after a size is that size's high-water mark (with the embedder's lexicon).
    const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const diskMb = Math.round(directoryBytes(dir) / 2 ** 20);
    console.log(`  memory in use ${rssMb} MB, database on disk ${diskMb} MB`);
    results[String(size)] = {
      ...loading,
      cases,
      hybridToFtsP95: ratios,
      reindex,
      rssMb,
      diskMb,
    };
  } finally {
    await db.$disconnect();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
// Other work on the machine moves these figures a lot: the load average travels with them.
console.log(
  JSON.stringify({
    bench: "search",
    embedder: embedder.model,
    dimensions: DIMENSIONS,
    queries: queryCount,
    loadAverage: loadavg().map((v) => round(v)),
    results,
  }),
);
