import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { PipelineStage } from "@/lib/pipeline/stages";
import { startChurchDatabase, type ChurchDatabase } from "@/test/support/church-database";
import { retryFailedSermon, RetryRefusedError } from "./retry-failed-sermon";

let church: ChurchDatabase;
let db: Db;
let churchId: string;
beforeAll(async () => {
  church = await startChurchDatabase("retry", 2);
  ({ db, churchId } = church);
});
afterAll(() => church?.stop());

const failed = (slug: string, failedStage: PipelineStage, mediaVersion = 2) =>
  db.sermon.create({
    data: {
      churchId,
      slug,
      title: slug,
      status: failedStage === "audio_check" ? "rejected" : "failed",
      mediaVersion,
      failedStage,
      failureReason: "it broke",
      transcodePercent: 37,
    },
  });

describe("retryFailedSermon", () => {
  it("restarts a failed transcode from its upload event, under a fresh retry id each time", async () => {
    const sermon = await failed("media", "transcode");
    const uploaded = sermonUploaded.build({
      sermonId: sermon.id,
      churchId,
      mediaVersion: 2,
      objectKey: "k/original.mp3",
    });
    await publishEvent(db, uploaded);

    expect(await retryFailedSermon(db, churchId, sermon.id)).toEqual({
      eventId: `${uploaded.id}:retry-1`,
      status: "processing",
    });
    expect(await db.sermon.findUniqueOrThrow({ where: { id: sermon.id } })).toMatchObject({
      status: "processing",
      failedStage: null,
      failureReason: null,
      transcodePercent: null,
    });
    expect(
      (await db.outbox.findUniqueOrThrow({ where: { eventId: `${uploaded.id}:retry-1` } })).payload,
    ).toEqual(uploaded.data);

    // A second click while it runs is refused; after another failure the next retry gets its own id.
    await expect(retryFailedSermon(db, churchId, sermon.id)).rejects.toThrow(
      "Only a sermon whose processing failed can be retried.",
    );
    await db.sermon.update({
      where: { id: sermon.id },
      data: { status: "failed", failedStage: "transcode" },
    });
    expect((await retryFailedSermon(db, churchId, sermon.id)).eventId).toBe(
      `${uploaded.id}:retry-2`,
    );
  });

  it("resumes at transcription or indexing, keeping the work before it", async () => {
    const transcription = await failed("words", "transcribe");
    expect(await retryFailedSermon(db, churchId, transcription.id)).toEqual({
      eventId: `sermon-transcription-requested:${transcription.id}:v2:retry-1`,
      status: "streamable",
    });
    expect(
      (await db.sermon.findUniqueOrThrow({ where: { id: transcription.id } })).transcodePercent,
    ).toBe(37);

    const indexing = await failed("search", "index");
    const transcript = await db.transcript.create({
      data: { sermonId: indexing.id, provider: "test" },
    });
    expect(await retryFailedSermon(db, churchId, indexing.id)).toMatchObject({
      status: "transcribed",
    });
    const event = await db.outbox.findUniqueOrThrow({
      where: { eventId: `sermon-transcribed:${indexing.id}:v2:retry-1` },
    });
    expect(event.payload).toMatchObject({ transcriptId: transcript.id });
  });

  it("refuses what a retry cannot fix, with a reason, and leaves the sermon as it was", async () => {
    const rejected = await failed("not-audio", "audio_check");
    await expect(retryFailedSermon(db, churchId, rejected.id)).rejects.toThrow(
      "upload another file",
    );
    const orphan = await failed("orphan", "transcode");
    await expect(retryFailedSermon(db, churchId, orphan.id)).rejects.toThrow(
      "its sermon/uploaded event is not in the outbox",
    );
    const other = await db.church.create({ data: { slug: "other", name: "Other" } });
    await expect(retryFailedSermon(db, other.id, rejected.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(retryFailedSermon(db, churchId, rejected.id)).rejects.toBeInstanceOf(
      RetryRefusedError,
    );
    expect(await db.sermon.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
      status: "failed",
      failureReason: "it broke",
    });
  });
});
