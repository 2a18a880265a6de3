import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonTranscribed } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { startChurchDatabase, type ChurchDatabase } from "@/test/support/church-database";
import { adoptProvidedTranscript } from "./store-provided-transcript";
import { PROVIDED, storeTranscript } from "./store-transcript";

let church: ChurchDatabase;
let db: Db;
let churchId: string;
beforeAll(async () => {
  church = await startChurchDatabase("captions", 2);
  ({ db, churchId } = church);
});
afterAll(() => church?.stop());

/** Version 1 of a sermon whose admin chose to upload captions, in the given state. */
const sermonIn = async (
  slug: string,
  state: Pick<Prisma.SermonUncheckedCreateInput, "status" | "transcodePercent">,
) => {
  const sermon = await db.sermon.create({
    data: {
      churchId,
      slug,
      title: slug,
      mediaVersion: 1,
      transcriptionProvider: PROVIDED,
      ...state,
    },
  });
  return { sermonId: sermon.id, churchId, mediaVersion: 1 };
};

/** What an admin's caption upload stores (storeProvidedTranscript, without the files). */
const storeCaptions = (
  version: { sermonId: string; churchId: string; mediaVersion: number },
  name: string,
) =>
  storeTranscript(
    db,
    version,
    {
      provider: PROVIDED,
      model: "vtt",
      language: null,
      confidence: null,
      segments: [{ startMs: 0, endMs: 2000, text: "Grace upon grace.", speaker: null }],
    },
    {
      wordsKey: `churches/${version.churchId}/sermons/${version.sermonId}/v1/transcripts/${name}/words.json`,
      vttKey: `churches/${version.churchId}/sermons/${version.sermonId}/v1/transcripts/${name}/captions.vtt`,
    },
  );

const statusOf = async (sermonId: string) =>
  (await db.sermon.findUniqueOrThrow({ where: { id: sermonId } })).status;
const announcements = (sermonId: string) =>
  db.outbox.findMany({
    where: { eventId: { startsWith: `sermon-transcribed:${sermonId}:` } },
    orderBy: { createdAt: "asc" },
  });

describe("when a transcript announces itself to search indexing", () => {
  it("keeps captions uploaded mid-processing unannounced until the transcription stage adopts them", async () => {
    for (const during of [
      { status: "processing" as const, transcodePercent: null },
      { status: "streamable" as const, transcodePercent: 40 },
    ]) {
      const version = await sermonIn(`mid-${during.status}`, during);
      const stored = await storeCaptions(version, "provided-a");
      expect(await statusOf(version.sermonId)).toBe(during.status);
      expect(await announcements(version.sermonId)).toEqual([]);

      // Processing ends (recordProcessedMedia) and requests transcription, which adopts them.
      await db.sermon.update({
        where: { id: version.sermonId },
        data: { status: "streamable", transcodePercent: 100 },
      });
      expect(await adoptProvidedTranscript(db, version)).toBe(stored!.transcriptId);
      expect(await statusOf(version.sermonId)).toBe("transcribed");
      expect((await announcements(version.sermonId)).map((e) => [e.eventId, e.payload])).toEqual([
        [
          sermonTranscribed.baseIdOf({ ...version, transcriptId: stored!.transcriptId }),
          { ...version, transcriptId: stored!.transcriptId },
        ],
      ]);
    }
  });

  it("leaves a sermon indexing already made searchable as it is when the transcript is confirmed again", async () => {
    const version = await sermonIn("indexed-first", { status: "streamable" });
    const stored = await storeCaptions(version, "provided-b");
    expect(await statusOf(version.sermonId)).toBe("transcribed");
    await db.sermon.update({ where: { id: version.sermonId }, data: { status: "searchable" } });

    expect(await adoptProvidedTranscript(db, version)).toBe(stored!.transcriptId);
    expect(await statusOf(version.sermonId)).toBe("searchable");
    expect(await announcements(version.sermonId)).toHaveLength(1);
  });

  it("re-sends sermon/transcribed when a Retry brings an announced transcript back to transcription", async () => {
    const version = await sermonIn("retried", { status: "streamable" });
    const stored = await storeCaptions(version, "provided-c");
    // Indexed, then a later stage failed and the admin's Retry resumed at transcription.
    await db.sermon.update({ where: { id: version.sermonId }, data: { status: "streamable" } });

    await adoptProvidedTranscript(db, version);
    expect(await statusOf(version.sermonId)).toBe("transcribed");
    const first = sermonTranscribed.baseIdOf({ ...version, transcriptId: stored!.transcriptId });
    expect((await announcements(version.sermonId)).map((e) => e.eventId)).toEqual([
      first,
      `${first}:retry-1`,
    ]);
  });
});

describe("when a machine transcript has passages read aloud", () => {
  it("records each as spoken scripture with its times and translation, and keeps the verse labels", async () => {
    const sermon = await db.sermon.create({
      data: { churchId, slug: "snapped", title: "snapped", mediaVersion: 1, status: "streamable" },
    });
    const version = { sermonId: sermon.id, churchId, mediaVersion: 1 };
    const verse = "Yahweh is my shepherd; I shall lack nothing.";
    const stored = await storeTranscript(
      db,
      version,
      {
        provider: "local",
        model: null,
        language: "en",
        confidence: null,
        segments: [
          { startMs: 0, endMs: 3000, text: "Turn with me to Psalm 23.", speaker: null },
          { startMs: 4000, endMs: 7000, text: verse, speaker: null, scripture: "WEB · Psalm 23:1" },
        ],
        scripture: [
          {
            book: "Ps",
            startChapter: 23,
            startVerse: 1,
            endChapter: 23,
            endVerse: 1,
            startKey: 19_023_001,
            endKey: 19_023_001,
            text: "Psalm 23:1",
            atMs: 4000,
            endMs: 7000,
            translation: "WEB",
            snapped: true,
          },
        ],
      },
      {
        wordsKey: `churches/${churchId}/sermons/${sermon.id}/v1/transcripts/local/words.json`,
        vttKey: `churches/${churchId}/sermons/${sermon.id}/v1/transcripts/local/captions.vtt`,
      },
    );

    expect(stored?.spokenRefCount).toBe(2);
    const refs = await db.scriptureRef.findMany({
      where: { sermonId: sermon.id, source: "spoken" },
      orderBy: { atMs: "asc" },
    });
    expect(
      refs.map(({ text, atMs, endMs, translation, snapped }) => ({
        text,
        atMs,
        endMs,
        translation,
        snapped,
      })),
    ).toEqual([
      { text: "Psalm 23", atMs: 0, endMs: null, translation: null, snapped: false },
      { text: "Psalm 23:1", atMs: 4000, endMs: 7000, translation: "WEB", snapped: true },
    ]);
    const segments = await db.transcriptSegment.findMany({
      where: { transcriptId: stored!.transcriptId },
      orderBy: { position: "asc" },
    });
    expect(segments.map((segment) => segment.scripture)).toEqual([null, "WEB · Psalm 23:1"]);
  });
});
