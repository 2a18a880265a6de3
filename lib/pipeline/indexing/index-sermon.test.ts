import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIndexedSermon } from "@/eval/search/seed-sermon";
import { createLocalEmbedder } from "@/lib/search/embeddings/local-embedder";
import { type SearchDatabase, startSearchDatabase } from "@/test/support/search-database";
import { indexSermon, MissingTranscriptError } from "./index-sermon";
import { requestReindex } from "./request-reindex";
import { searchMoments } from "@/lib/search/search-moments";

const embedder = createLocalEmbedder(384);
let database: SearchDatabase;
let churchId: string;

beforeAll(async () => {
  database = await startSearchDatabase();
  churchId = (await database.db.church.create({ data: { slug: "grace", name: "Grace Chapel" } }))
    .id;
});
afterAll(async () => {
  await database?.stop();
});

const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(" ");
const paragraphs = (label: string) =>
  Array.from(
    { length: 12 },
    (_, i) => `Covenant faithfulness ${label} moment ${i}. ${words(40, label)}`,
  );

async function replaceTranscript(sermonId: string, texts: string[]) {
  const { db } = database;
  await db.$transaction(async (tx) => {
    await tx.transcript.updateMany({ where: { sermonId }, data: { isCurrent: false } });
    await tx.transcript.create({
      data: {
        sermonId,
        provider: "provided",
        segments: {
          create: texts.map((text, position) => ({
            position,
            text,
            startMs: position * 20_000,
            endMs: (position + 1) * 20_000,
          })),
        },
      },
    });
  });
}

describe("indexSermon", () => {
  it("stores moments with vectors and full-text vectors, marks the sermon searchable and publishes sermon/indexed", async () => {
    const { db } = database;
    const sermonId = await seedIndexedSermon({ db, embedder }, churchId, {
      title: "Steadfast Love",
      speaker: "Ruth Okafor",
      series: "Psalms",
      date: "2026-01-11",
      mainPassage: "Psalm 136",
      paragraphs: paragraphs("alpha"),
    });
    const sermon = await db.sermon.findUniqueOrThrow({ where: { id: sermonId } });
    expect(sermon.status).toBe("searchable");
    const chunks = await db.$queryRaw<
      Array<{
        startMs: number;
        endMs: number;
        context: string;
        embeddingModel: string;
        hasVector: boolean;
        hasTsv: boolean;
      }>
    >`
      SELECT "startMs", "endMs", context, "embeddingModel", embedding IS NOT NULL AS "hasVector", tsv IS NOT NULL AS "hasTsv"
      FROM "Chunk" WHERE "sermonId" = ${sermonId} ORDER BY position`;
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]).toMatchObject({
      startMs: 0,
      context: "Steadfast Love · Ruth Okafor · Psalm 136",
      embeddingModel: "local-hash-v1",
      hasVector: true,
      hasTsv: true,
    });
    for (const chunk of chunks) expect(chunk.endMs - chunk.startMs).toBeLessThanOrEqual(90_000);
    // Vectors are stored five moments a statement after the text: every moment has one.
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks)
      expect(chunk).toMatchObject({ embeddingModel: "local-hash-v1", hasVector: true });
    const outbox = await db.outbox.findMany({ where: { name: "sermon/indexed" } });
    expect(outbox.map((row) => row.payload)).toEqual([
      { sermonId, churchId, mediaVersion: 1, chunkCount: chunks.length },
    ]);
  });

  it("does nothing for a media version a newer upload replaced, and refuses a sermon without a transcript", async () => {
    const { db } = database;
    const sermon = await db.sermon.create({
      data: {
        churchId,
        slug: "no-transcript",
        title: "Silent",
        status: "transcribed",
        mediaVersion: 2,
      },
    });
    expect(
      await indexSermon({ db, embedder }, { sermonId: sermon.id, churchId, mediaVersion: 1 }),
    ).toEqual({
      isIndexed: false,
      reason: "a newer upload replaced this version",
    });
    await expect(
      indexSermon({ db, embedder }, { sermonId: sermon.id, churchId, mediaVersion: 2 }),
    ).rejects.toBeInstanceOf(MissingTranscriptError);
    expect(await db.chunk.count({ where: { sermonId: sermon.id } })).toBe(0);
  });

  it("re-indexes atomically: a search during re-indexing sees the old or the new moments, never none or a mix", async () => {
    const { db } = database;
    const sermonId = await seedIndexedSermon({ db, embedder }, churchId, {
      title: "Faithful God",
      speaker: "David Lindqvist",
      date: "2026-02-08",
      paragraphs: paragraphs("before"),
    });
    const version = { sermonId, churchId, mediaVersion: 1 };
    const seen: string[] = [];
    let isDone = false;
    const searching = (async () => {
      while (!isDone) {
        const hits = await searchMoments(
          { db, embedder },
          { query: "covenant faithfulness", filter: {}, limit: 50 },
        ).catch((error: Error) => (seen.push(`error: ${error.message}`), null));
        if (!hits) continue;
        const mine = hits.filter((hit) => hit.sermonId === sermonId);
        const labels = new Set(
          mine.map((hit) =>
            hit.text.includes("before") ? "before" : hit.text.includes("after") ? "after" : "other",
          ),
        );
        seen.push(mine.length === 0 ? "none" : [...labels].sort().join("+"));
      }
    })();
    for (const label of ["after", "before", "after", "before", "after"]) {
      await replaceTranscript(sermonId, paragraphs(label));
      expect(await indexSermon({ db, embedder }, version)).toMatchObject({ isIndexed: true });
    }
    isDone = true;
    await searching;
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((state) => state !== "before" && state !== "after")).toEqual([]);
    const final = await searchMoments(
      { db, embedder },
      { query: "covenant faithfulness after", filter: {}, limit: 50 },
    );
    expect(
      final.filter((hit) => hit.sermonId === sermonId).every((hit) => hit.text.includes("after")),
    ).toBe(true);
  });

  it("requests re-indexing through the outbox, all sermons or only those another model embedded", async () => {
    const { db } = database;
    const indexable = await db.sermon.count({
      where: { transcripts: { some: { isCurrent: true } } },
    });
    expect(await requestReindex(db, { staleFor: "local-hash-v1" }, "r1")).toBe(0);
    expect(await requestReindex(db, { staleFor: "text-embedding-3-small" }, "r2")).toBe(indexable);
    expect(await requestReindex(db, { churchSlug: "grace" }, "r2")).toBe(indexable);
    // The same request id twice is one event per sermon.
    expect(await db.outbox.count({ where: { name: "sermon/reindex.requested" } })).toBe(indexable);
  });
});
