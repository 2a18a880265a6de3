import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  sermonTranscribed,
  sermonTranscriptionRequested,
} from "@/lib/pipeline/events/pipeline-events";
import { storeProvidedTranscript } from "@/lib/pipeline/transcription/store-provided-transcript";
import { waitUntil } from "@/test/events/support/event-path";
import { type Pipeline, startPipeline } from "@/test/pipeline/support/pipeline-harness";
import { generateMedia } from "@/test/support/test-media";

// Long enough that the transcode is still running well after the sermon turned streamable.
const AUDIO_SECONDS = 600;
const CAPTIONS =
  "WEBVTT\n\n00:00.000 --> 00:04.000\nGrace upon grace in the wilderness.\n\n" +
  "00:04.000 --> 00:09.000\nThe shepherd leaves the ninety-nine to find the one.\n";

let pipeline: Pipeline;
let workDir: string;
let audio: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-captions-race-"));
  [pipeline, audio] = await Promise.all([
    startPipeline(),
    generateMedia(workDir, "sermon.mp3", [
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=220:sample_rate=44100:duration=${AUDIO_SECONDS}`,
      "-c:a",
      "libmp3lame",
      "-b:a",
      "96k",
    ]),
  ]);
});

afterAll(async () => {
  await pipeline?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const uploadCaptions = (sermon: { id: string; churchId: string }) =>
  storeProvidedTranscript(
    { db: pipeline.db, storage: pipeline.storage },
    { churchId: sermon.churchId, sermonId: sermon.id },
    new TextEncoder().encode(CAPTIONS),
  );

const v1 = (sermon: { id: string; churchId: string }) => ({
  sermonId: sermon.id,
  churchId: sermon.churchId,
  mediaVersion: 1,
});

/** The transcription stage of version 1, once it ended. */
async function transcriptionRun(sermon: { id: string; churchId: string }) {
  const run = await pipeline.endedRun(
    sermonTranscriptionRequested.baseIdOf(v1(sermon)),
    120_000,
    sermonTranscriptionRequested.name,
  );
  expect(run.status).toBe("Completed");
  return run;
}

/** The transcription stage took the captions as the transcript, and search followed. */
async function expectCaptionsAdopted(sermon: { id: string; churchId: string }, captionsId: string) {
  const transcription = await transcriptionRun(sermon);
  expect(transcription.output).toEqual({ provider: "provided", transcriptId: captionsId });
  await expectSearchableOnCaptions(sermon, captionsId);
}

/** What the captions upload left behind: the status, and whether `sermon/transcribed` was spent. */
async function stateAfterCaptions(sermon: { id: string; churchId: string }, captionsId: string) {
  const [now, download, announced] = await Promise.all([
    pipeline.db.sermon.findUniqueOrThrow({ where: { id: sermon.id } }),
    pipeline.db.mediaAsset.findFirst({ where: { sermonId: sermon.id, kind: "download" } }),
    pipeline.db.outbox.findUnique({
      where: { eventId: sermonTranscribed.baseIdOf({ ...v1(sermon), transcriptId: captionsId }) },
    }),
  ]);
  return { status: now.status, isTranscodeRecorded: download !== null, isAnnounced: !!announced };
}

/**
 * Once the pipeline did everything it will do for version 1 (the caller waited for the
 * transcription stage; here every index run that a `sermon/transcribed`, or a re-send of it,
 * started), the sermon is searchable on the admin's captions and stays so.
 */
async function expectSearchableOnCaptions(
  sermon: { id: string; churchId: string },
  captionsId: string,
) {
  await pipeline.waitForStatus(sermon.id, ["searchable"], 30_000);
  const announced = await pipeline.db.outbox.findMany({
    where: { name: sermonTranscribed.name, eventId: { contains: sermon.id } },
  });
  expect(announced.length).toBeGreaterThan(0);
  for (const event of announced) expect(event.payload).toMatchObject({ transcriptId: captionsId });
  await waitUntil(
    async () => {
      const runs = (
        await Promise.all(announced.map((e) => pipeline.runsOf(e.eventId, sermonTranscribed.name)))
      ).flat();
      return runs.length > 0 && runs.every((run) => run.status === "Completed");
    },
    60_000,
    () => "the index runs to end",
  );

  const stored = await pipeline.db.sermon.findUniqueOrThrow({
    where: { id: sermon.id },
    include: {
      transcripts: { include: { segments: { orderBy: { position: "asc" } } } },
      chunks: { orderBy: { position: "asc" } },
    },
  });
  expect(stored.status).toBe("searchable");
  expect(stored.transcriptionProvider).toBe("provided");
  // The captions are the only transcript: no machine transcription ran for this version.
  expect(stored.transcripts.map((t) => [t.id, t.provider, t.isCurrent])).toEqual([
    [captionsId, "provided", true],
  ]);
  expect(stored.transcripts[0]!.segments.map((s) => s.text)).toEqual([
    "Grace upon grace in the wilderness.",
    "The shepherd leaves the ninety-nine to find the one.",
  ]);
  expect(stored.chunks.map((chunk) => chunk.text).join(" ")).toContain("ninety-nine");
}

describe("captions uploaded before, during or after the audio's processing", () => {
  it("before the sermon is streamable: kept unannounced, adopted by the transcription stage, then searchable", async () => {
    const sermon = await pipeline.createSermon({ slug: "captions-while-processing" });
    await pipeline.upload(sermon, audio, { fileName: "sermon.mp3" });
    // The upload's event is in the outbox; nothing is playable yet.
    const captions = await uploadCaptions(sermon);
    expect(await stateAfterCaptions(sermon, captions.transcriptId)).toEqual({
      status: "processing",
      isTranscodeRecorded: false,
      isAnnounced: false,
    });

    await expectCaptionsAdopted(sermon, captions.transcriptId);
  }, 240_000);

  it("while the transcode still runs on a streamable sermon: searchable on the captions once it ends", async () => {
    const sermon = await pipeline.createSermon({ slug: "captions-while-transcoding" });
    await pipeline.upload(sermon, audio, { fileName: "sermon.mp3" });
    // Listeners can already play the first segments; the rest of the transcode is under way.
    await waitUntil(
      async () => {
        const now = await pipeline.db.sermon.findUniqueOrThrow({ where: { id: sermon.id } });
        return now.status === "streamable" && (now.transcodePercent ?? 100) < 100;
      },
      120_000,
      () => "the sermon to be streamable mid-transcode",
    );
    const captions = await uploadCaptions(sermon);
    // The race: the transcode's outputs are not recorded yet, so the captions wait for it.
    expect(await stateAfterCaptions(sermon, captions.transcriptId)).toEqual({
      status: "streamable",
      isTranscodeRecorded: false,
      isAnnounced: false,
    });

    await expectCaptionsAdopted(sermon, captions.transcriptId);
  }, 240_000);

  it("after processing, on a sermon waiting for its captions: announced at once, then searchable", async () => {
    const sermon = await pipeline.createSermon({ slug: "captions-after-processing" });
    await pipeline.db.sermon.update({
      where: { id: sermon.id },
      data: { transcriptionProvider: "provided" },
    });
    await pipeline.upload(sermon, audio, { fileName: "sermon.mp3" });
    const transcription = await transcriptionRun(sermon);
    expect(transcription.output).toEqual({
      provider: "provided",
      skipped: "waiting for the admin to upload captions",
    });

    const captions = await uploadCaptions(sermon);
    expect(await stateAfterCaptions(sermon, captions.transcriptId)).toEqual({
      status: "transcribed",
      isTranscodeRecorded: true,
      isAnnounced: true,
    });
    await expectSearchableOnCaptions(sermon, captions.transcriptId);
  }, 240_000);
});
