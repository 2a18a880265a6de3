import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { createDb, type Db } from "./client";
import { migrate } from "./migrate";
import { ensureVectorColumn } from "./vector-column";

const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
let services: TestServices;
let db: Db;

beforeAll(async () => {
  services = await startTestServices({ migrate: false });
  db = createDb(services.database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await services?.stop();
});

async function sql<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  setup?: string,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: services.database.url });
  await client.connect();
  try {
    if (setup) await client.query(setup);
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const vectorLiteral = (values: number[]) => `[${values.join(",")}]`;
const unitVector = (dimensions: number, hot: number) =>
  Array.from({ length: dimensions }, (_, i) => (i === hot ? 1 : 0.01));

describe("migrations", () => {
  it("apply to an empty database and record Prisma's bookkeeping", async () => {
    const first = await migrate(services.database.url);
    expect(first.applied).toEqual(migrationNames);
    const rows = await sql<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = readFileSync(
        path.join("prisma/migrations", row.migration_name, "migration.sql"),
      );
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    }
  });

  it("are idempotent on re-run", async () => {
    const again = await migrate(services.database.url);
    expect(again).toEqual({ applied: [], alreadyApplied: migrationNames.length });
  });

  it("let every model be created and read through Prisma", async () => {
    const church = await db.church.create({ data: { slug: "st-marks", name: "St Mark's" } });
    const user = await db.user.create({ data: { email: "pastor@example.org", name: "Pastor" } });
    await db.membership.create({ data: { userId: user.id, churchId: church.id, role: "owner" } });
    const speaker = await db.speaker.create({
      data: { churchId: church.id, slug: "ann", name: "Ann" },
    });
    const series = await db.series.create({
      data: { churchId: church.id, slug: "john", title: "John" },
    });
    const sermon = await db.sermon.create({
      data: {
        churchId: church.id,
        speakerId: speaker.id,
        seriesId: series.id,
        slug: "born-again",
        title: "Born Again",
        tags: ["new birth", "grace"],
        preachedOn: new Date("2026-03-01"),
      },
    });
    await db.scriptureRef.create({
      data: {
        sermonId: sermon.id,
        book: "John",
        startChapter: 3,
        startVerse: 16,
        endChapter: 3,
        endVerse: 21,
        startKey: 43_003_016,
        endKey: 43_003_021,
        text: "John 3:16-21",
      },
    });
    await db.mediaAsset.create({
      data: {
        sermonId: sermon.id,
        kind: "original",
        key: "c/s/original.mp3",
        contentType: "audio/mpeg",
        bytes: 5_000_000_000n,
      },
    });
    const transcript = await db.transcript.create({
      data: { sermonId: sermon.id, provider: "local" },
    });
    await db.transcriptSegment.create({
      data: {
        transcriptId: transcript.id,
        position: 0,
        startMs: 0,
        endMs: 4000,
        text: "Grace to you.",
      },
    });
    await db.chunk.create({
      data: {
        sermonId: sermon.id,
        churchId: church.id,
        position: 0,
        startMs: 0,
        endMs: 60_000,
        text: "Grace to you.",
      },
    });
    await db.outbox.create({
      data: {
        eventId: "sermon-uploaded-1",
        name: "sermon/uploaded",
        payload: { sermonId: sermon.id },
      },
    });
    // A listener's saved place and follows belong to their account.
    await db.playbackProgress.create({
      data: { listenerId: user.id, sermonId: sermon.id, positionMs: 1234 },
    });
    await db.follow.create({ data: { listenerId: user.id, churchId: sermon.churchId } });
    await db.bookmark.create({
      data: { listenerId: user.id, sermonId: sermon.id, positionMs: 5000, note: "the promise" },
    });
    await db.chapter.create({ data: { sermonId: sermon.id, startMs: 0, title: "Introduction" } });
    await db.playEvent.create({
      data: {
        sermonId: sermon.id,
        churchId: sermon.churchId,
        day: new Date("2026-12-01T00:00:00Z"),
        listenerHash: "h",
        kind: "play",
        positionMs: 0,
      },
    });

    const loaded = await db.sermon.findUniqueOrThrow({
      where: { id: sermon.id },
      include: {
        church: { include: { memberships: { include: { user: true } } } },
        speaker: true,
        series: true,
        scriptureRefs: true,
        mediaAssets: true,
        transcripts: { include: { segments: true } },
        chunks: true,
        progress: true,
        bookmarks: true,
        chapters: true,
      },
    });
    expect(loaded.status).toBe("draft");
    expect(loaded.tags).toEqual(["new birth", "grace"]);
    expect(loaded.church.memberships[0]?.user.email).toBe("pastor@example.org");
    expect(loaded.speaker?.name).toBe("Ann");
    expect(loaded.series?.title).toBe("John");
    expect(loaded.scriptureRefs[0]?.endKey).toBe(43_003_021);
    expect(loaded.mediaAssets[0]?.bytes).toBe(5_000_000_000n);
    expect(loaded.transcripts[0]?.segments[0]?.text).toBe("Grace to you.");
    expect(loaded.chunks[0]?.endMs).toBe(60_000);
    expect(loaded.progress[0]?.positionMs).toBe(1234);
    expect(loaded.bookmarks[0]).toMatchObject({ positionMs: 5000, note: "the promise" });
    expect((await db.playEvent.findFirstOrThrow({ where: { sermonId: sermon.id } })).kind).toBe(
      "play",
    );
    expect(loaded.chapters[0]?.title).toBe("Introduction");
    expect(await db.follow.count({ where: { listenerId: user.id } })).toBe(1);
    expect(await db.outbox.count({ where: { sentAt: null } })).toBe(1);
  });

  it("store vectors that round-trip and an HNSW cosine query returns the nearest row", async () => {
    const [sermon] = await sql<{ id: string; churchId: string }>(
      `SELECT id, "churchId" FROM "Sermon" LIMIT 1`,
    );
    for (const position of [1, 2, 3]) {
      await sql(
        `INSERT INTO "Chunk" (id, "sermonId", "churchId", position, "startMs", "endMs", text, embedding)
         VALUES ($1, $2, $3, $4, 0, 1000, $5, $6::vector)`,
        [
          `chunk-${position}`,
          sermon!.id,
          sermon!.churchId,
          position,
          `moment ${position}`,
          vectorLiteral(unitVector(384, position)),
        ],
      );
    }
    const [stored] = await sql<{ embedding: string }>(
      `SELECT embedding::text FROM "Chunk" WHERE id = 'chunk-2'`,
    );
    expect(JSON.parse(stored!.embedding)).toEqual(unitVector(384, 2));

    const plan = await sql<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT id FROM "Chunk" ORDER BY embedding <=> $1::vector LIMIT 1`,
      [vectorLiteral(unitVector(384, 3))],
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Chunk_embedding_hnsw_idx");
    // Three rows would never use the index on cost alone; forbid the sequential scan.
    const nearest = await sql<{ id: string }>(
      `SELECT id FROM "Chunk" WHERE embedding IS NOT NULL ORDER BY embedding <=> $1::vector LIMIT 1`,
      [vectorLiteral(unitVector(384, 3))],
      "SET enable_seqscan = off",
    );
    expect(nearest[0]?.id).toBe("chunk-3");
  });

  it("rank the matching row first in a full-text query", async () => {
    const [sermon] = await sql<{ id: string; churchId: string }>(
      `SELECT id, "churchId" FROM "Sermon" LIMIT 1`,
    );
    const texts = [
      "The weather was mild all week.",
      "A word on forgiveness at the very end.",
      "Forgiveness, forgiveness: forgiveness is the heart of it.",
    ];
    for (const [i, text] of texts.entries()) {
      await sql(
        `INSERT INTO "Chunk" (id, "sermonId", "churchId", position, "startMs", "endMs", text) VALUES ($1, $2, $3, $4, 0, 1000, $5)`,
        [`fts-${i}`, sermon!.id, sermon!.churchId, 10 + i, text],
      );
    }
    const ranked = await sql<{ id: string }>(
      `SELECT id FROM "Chunk", websearch_to_tsquery('english', $1) q WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC`,
      ["forgiving"],
    );
    expect(ranked.map((row) => row.id)).toEqual(["fts-2", "fts-1"]);
  });

  it("resize the embedding column to the configured dimension, clearing old vectors", async () => {
    expect(await ensureVectorColumn(services.database.url, 384)).toBeNull();
    expect(await ensureVectorColumn(services.database.url, 8)).toEqual({ from: 384, to: 8 });
    const [column] = await sql<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"Chunk"'::regclass AND attname = 'embedding'`,
    );
    expect(column?.type).toBe("vector(8)");
    const [{ count }] = (await sql<{ count: string }>(
      `SELECT count(*) FROM "Chunk" WHERE embedding IS NOT NULL`,
    )) as [{ count: string }];
    expect(Number(count)).toBe(0);
    const indexes = await sql<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'Chunk'`,
    );
    expect(indexes.map((row) => row.indexname)).toContain("Chunk_embedding_hnsw_idx");
  });
});
