import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeChapter, deleteChapter } from "@/lib/catalog/chapters/edit-chapters";
import { serveChaptersJson } from "@/lib/catalog/chapters/serve-chapters-json";
import { MASTER_PLAYLIST_NAME, sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import type { Db } from "@/lib/platform/db/client";
import { type ChurchDatabase, startChurchDatabase } from "@/test/support/church-database";
import { chapterSermon } from "./chapter-sermon";

let database: ChurchDatabase;
let db: Db;
let churchId: string;

beforeAll(async () => {
  database = await startChurchDatabase("chapters");
  ({ db, churchId } = database);
}, 120_000);
afterAll(async () => {
  await database?.stop();
});

const sentences = (topic: string[], count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `Think again about ${topic[i % topic.length]} and ${topic[(i + 3) % topic.length]}, for ${topic[(i + 5) % topic.length]} is near.`,
  );
const SEA = ["storm", "boat", "waves", "fishermen", "wind", "nets", "shore"];
const FIELD = ["harvest", "seed", "soil", "farmer", "rain", "grain", "sower"];

/** 18 minutes: a welcome, Mark 4 read at 2:00, "let us pray" at 16:00. */
const TEXTS = [
  ...sentences(FIELD, 20),
  "Please turn with me to Mark 4:35-41.",
  ...sentences(SEA, 139),
  "Let us pray.",
  ...sentences(FIELD, 19),
];

async function publishedSermon(slug: string, publishState: "published" | "draft" = "published") {
  const sermon = await db.sermon.create({
    data: {
      churchId,
      slug,
      title: slug,
      status: "transcribed",
      publishState,
      mediaVersion: 1,
      durationMs: TEXTS.length * 6_000,
    },
  });
  const version = { churchId, sermonId: sermon.id, mediaVersion: 1 };
  await db.mediaAsset.create({
    data: {
      sermonId: sermon.id,
      kind: "master_playlist",
      key: sermonOutputKey(version, MASTER_PLAYLIST_NAME),
      contentType: "application/vnd.apple.mpegurl",
    },
  });
  await addTranscript(sermon.id, TEXTS);
  await db.scriptureRef.create({
    data: {
      sermonId: sermon.id,
      source: "spoken",
      book: "Mark",
      startChapter: 4,
      startVerse: 35,
      endChapter: 4,
      endVerse: 41,
      startKey: 41_004_035,
      endKey: 41_004_041,
      text: "Mark 4:35–41",
      atMs: 20 * 6_000,
    },
  });
  return version;
}

async function addTranscript(sermonId: string, texts: string[]) {
  await db.transcript.updateMany({ where: { sermonId }, data: { isCurrent: false } });
  return db.transcript.create({
    data: {
      sermonId,
      provider: "provided",
      segments: {
        create: texts.map((text, position) => ({
          position,
          text,
          startMs: position * 6_000,
          endMs: position * 6_000 + 5_500,
        })),
      },
    },
  });
}

const get = (sermonId: string, headers: Record<string, string> = {}) =>
  serveChaptersJson(
    new Request(`http://selah.test/api/sermons/${sermonId}/chapters.json`, { headers }),
    sermonId,
    { db },
  );

describe("chapterSermon and the chapters file", () => {
  it("stores automatic chapters from the transcript and serves them as Podcasting 2.0 JSON, with 304 for a repeat", async () => {
    const version = await publishedSermon("calm-the-storm");
    expect(await chapterSermon(db, version)).toMatchObject({
      outcome: "replaced",
      chapterCount: 3,
    });

    const response = await get(version.sermonId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json+chapters");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      version: "1.2.0",
      chapters: [
        { startTime: 0, title: "Introduction" },
        { startTime: 120, title: "Mark 4:35–41" },
        { startTime: 960, title: "Prayer" },
      ],
    });
    const etag = response.headers.get("etag")!;
    const repeat = await get(version.sermonId, { "if-none-match": etag });
    expect(repeat.status).toBe(304);
    expect(await repeat.text()).toBe("");
  });

  it("answers 404 for an unpublished sermon, an unknown one and one without chapters", async () => {
    const draft = await publishedSermon("draft-sermon", "draft");
    await chapterSermon(db, draft);
    expect(await db.chapter.count({ where: { sermonId: draft.sermonId } })).toBe(3);
    expect((await get(draft.sermonId)).status).toBe(404);
    expect((await get("no-such-sermon")).status).toBe(404);
    const bare = await publishedSermon("no-chapters-yet");
    const answer = await get(bare.sermonId);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("replaces automatic chapters from a new transcript, but never an admin's", async () => {
    const version = await publishedSermon("edited-by-admin");
    await chapterSermon(db, version);
    const shorter = await addTranscript(version.sermonId, sentences(SEA, 5));
    expect(await chapterSermon(db, version)).toMatchObject({
      outcome: "replaced",
      chapterCount: 1,
      transcriptId: shorter.id,
    });
    const [only] = await db.chapter.findMany({ where: { sermonId: version.sermonId } });
    expect(only).toMatchObject({ startMs: 0, source: "auto", transcriptId: shorter.id });

    await changeChapter(db, churchId, {
      sermonId: version.sermonId,
      chapterId: only!.id,
      title: "The storm",
      start: 0,
    });
    await addTranscript(version.sermonId, TEXTS);
    expect(await chapterSermon(db, version)).toMatchObject({ outcome: "kept-admin-chapters" });
    expect(
      await db.chapter.findMany({
        where: { sermonId: version.sermonId },
        select: { title: true, source: true },
      }),
    ).toEqual([{ title: "The storm", source: "admin" }]);

    // Deleting the last chapter hands the sermon back to automatic chapters.
    await deleteChapter(db, churchId, { sermonId: version.sermonId, chapterId: only!.id });
    expect(await chapterSermon(db, version)).toMatchObject({
      outcome: "replaced",
      chapterCount: 3,
    });
  });

  it("does nothing for a version a newer upload replaced", async () => {
    const version = await publishedSermon("replaced-upload");
    await db.sermon.update({ where: { id: version.sermonId }, data: { mediaVersion: 2 } });
    expect(await chapterSermon(db, version)).toEqual({
      outcome: "skipped",
      reason: "a newer upload replaced this version",
    });
    expect(await db.chapter.count({ where: { sermonId: version.sermonId } })).toBe(0);
  });
});
