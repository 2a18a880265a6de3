import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonTranscriptionRequested } from "@/lib/pipeline/events/pipeline-events";
import { CaptionsRejectedError } from "@/lib/pipeline/transcription/captions/captions-rejected-error";
import { serveCaptions } from "@/lib/catalog/playback/serve-captions";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { correctSegment, SegmentNotFoundError } from "@/lib/pipeline/transcription/correct-segment";
import { storeProvidedTranscript } from "@/lib/pipeline/transcription/store-provided-transcript";
import { storeTranscript } from "@/lib/pipeline/transcription/store-transcript";
import { transcriptSchema } from "@/lib/catalog/transcripts/transcript";
import { type Pipeline, startPipeline } from "@/test/pipeline/support/pipeline-harness";
import { startStubProvider } from "./stub-provider-server";

const exec = promisify(execFile);
let pipeline: Pipeline;
let workDir: string;
let speech: Buffer;
/** The sermon the local run transcribed; the caption upload tests replace its transcript. */
let transcribed: { id: string; churchId: string } | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-transcribe-test-"));
  const speechPath = join(workDir, "sermon.wav");
  await exec("espeak-ng", [
    "-w",
    speechPath,
    "Good morning church. Please turn with me to Romans chapter eight, verse one. There is therefore now no condemnation.",
  ]);
  [pipeline, speech] = await Promise.all([startPipeline(), readFile(speechPath)]);
});

afterAll(async () => {
  await pipeline?.stop();
  await rm(workDir, { recursive: true, force: true });
});

/** The transcribe-sermon run started by the event with this id, once it ended. */
const transcriptionRun = (eventId: string) =>
  pipeline.endedRun(eventId, 120_000, sermonTranscriptionRequested.name);

/** A streamable sermon whose processed audio is recorded, and `sermon/transcription.requested` published. */
async function requestTranscription(slug: string, transcriptionProvider: string) {
  const sermon = await pipeline.createSermon({ slug });
  const prefix = `churches/${sermon.churchId}/sermons/${sermon.id}/v1`;
  await pipeline.db.sermon.update({
    where: { id: sermon.id },
    data: {
      status: "streamable",
      transcriptionProvider,
      durationMs: 9000,
      mediaAssets: {
        create: {
          kind: "download",
          key: `${prefix}/download.m4a`,
          contentType: "audio/mp4",
          durationMs: 9000,
        },
      },
    },
  });
  const event = sermonTranscriptionRequested.build({
    sermonId: sermon.id,
    churchId: sermon.churchId,
    mediaVersion: 1,
  });
  await pipeline.db.$transaction((tx) => publishEvent(tx, event));
  return { sermon, event };
}

describe("transcribe-sermon through outbox → SQS → worker → engine", () => {
  it("transcribes an upload with the local recogniser after processing, stores it and announces it", async () => {
    const sermon = await pipeline.createSermon({ slug: "spoken" });
    const upload = await pipeline.upload(sermon, speech, { fileName: "sermon.wav" });
    await pipeline.waitForStatus(sermon.id, ["transcribed", "searchable"], 150_000);

    const run = await transcriptionRun(`sermon-transcription-requested:${sermon.id}:v1`);
    expect(run.status).toBe("Completed");
    expect(run.steps.map((step) => [step.name, step.attempts])).toEqual([
      ["Choose the transcriber", 1],
      ["Transcribe the audio with local", 1],
      ["Align with the manuscript", 1],
      ["Write the captions", 1],
      ["Store the transcript and announce it", 1],
    ]);
    expect(upload.id).toBe(`sermon-uploaded:${sermon.id}:v1`);

    const stored = await pipeline.db.transcript.findFirstOrThrow({
      where: { sermonId: sermon.id, isCurrent: true },
      include: { segments: { orderBy: { position: "asc" } } },
    });
    expect(stored).toMatchObject({
      provider: "local",
      model: "pocketsphinx en-us",
      language: "en-US",
    });
    expect(stored.segments.length).toBeGreaterThan(0);
    const words = transcriptSchema.parse(
      JSON.parse(await pipeline.readObject(stored.wordsKey!)),
    ).words;
    expect(words.length).toBeGreaterThan(5);
    // pocketsphinx's word confidences reach the stored segments, word by word.
    for (const segment of stored.segments) {
      expect(segment.confidence).toBeGreaterThanOrEqual(0);
      expect(segment.confidence).toBeLessThanOrEqual(1);
      expect(segment.wordConfidences).toHaveLength(segment.text.split(" ").length);
    }
    const vtt = await pipeline.readObject(stored.vttKey!);
    expect(vtt).toMatch(/^WEBVTT\n\n\d\d:\d\d:\d\d\.\d{3} --> /);
    const prefix = `churches/${sermon.churchId}/sermons/${sermon.id}/v1/transcripts/local`;
    expect([stored.wordsKey, stored.vttKey]).toEqual([
      `${prefix}/words.json`,
      `${prefix}/captions.vtt`,
    ]);
    const assets = await pipeline.db.mediaAsset.findMany({
      where: { sermonId: sermon.id, kind: { in: ["captions", "words"] } },
    });
    expect(assets.map((a) => a.key).sort()).toEqual([
      `${prefix}/captions.vtt`,
      `${prefix}/words.json`,
    ]);
    expect(
      await pipeline.db.outbox.findUnique({
        where: { eventId: `sermon-transcribed:${sermon.id}:v1` },
      }),
    ).toMatchObject({
      name: "sermon/transcribed",
      payload: { sermonId: sermon.id, transcriptId: stored.id },
    });
    transcribed = { id: sermon.id, churchId: sermon.churchId };
  });

  it("replaces the machine transcript with uploaded captions and asks search to re-index", async () => {
    expect(transcribed).toBeDefined();
    const machine = await pipeline.db.transcript.findFirstOrThrow({
      where: { sermonId: transcribed!.id, isCurrent: true },
    });
    const vtt =
      "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Pastor Ann>Good morning, church.\n\n00:03.000 --> 00:07.500\nPlease turn with me to Romans 8:1.\n";
    const result = await storeProvidedTranscript(
      { db: pipeline.db, storage: pipeline.storage },
      { churchId: transcribed!.churchId, sermonId: transcribed!.id },
      new TextEncoder().encode(vtt),
    );

    const current = await pipeline.db.transcript.findFirstOrThrow({
      where: { sermonId: transcribed!.id, isCurrent: true },
      include: { segments: { orderBy: { position: "asc" } } },
    });
    expect(current.id).toBe(result.transcriptId);
    expect(current.provider).toBe("provided");
    expect(current.segments.map((s) => [s.startMs, s.endMs, s.speaker, s.text])).toEqual([
      [0, 3000, "Pastor Ann", "Good morning, church."],
      [3000, 7500, null, "Please turn with me to Romans 8:1."],
    ]);
    expect(
      (await pipeline.db.transcript.findUniqueOrThrow({ where: { id: machine.id } })).isCurrent,
    ).toBe(false);
    const spoken = await pipeline.db.scriptureRef.findMany({
      where: { sermonId: transcribed!.id, source: "spoken" },
    });
    expect(spoken.map((ref) => [ref.text, ref.atMs])).toEqual([["Romans 8:1", 3000]]);
    expect(await pipeline.readObject(current.vttKey!)).toContain(
      "<v Pastor Ann>Good morning, church.",
    );
    expect(
      await pipeline.db.outbox.findUnique({
        where: {
          eventId: `sermon-reindex-requested:${transcribed!.id}:v1:transcript-${current.id}`,
        },
      }),
    ).toMatchObject({ name: "sermon/reindex.requested" });
    expect(
      (await pipeline.db.sermon.findUniqueOrThrow({ where: { id: transcribed!.id } }))
        .transcriptionProvider,
    ).toBe("provided");

    // A machine run that was already under way when the captions arrived does not overwrite them.
    const late = await storeTranscript(
      pipeline.db,
      { churchId: transcribed!.churchId, sermonId: transcribed!.id, mediaVersion: 1 },
      {
        provider: "local",
        model: null,
        language: null,
        confidence: null,
        segments: [{ startMs: 0, endMs: 1000, text: "late", speaker: null }],
      },
      { wordsKey: "late/words.json", vttKey: "late/captions.vtt" },
    );
    expect(late).toBeNull();
    expect(
      (
        await pipeline.db.transcript.findFirstOrThrow({
          where: { sermonId: transcribed!.id, isCurrent: true },
        })
      ).id,
    ).toBe(current.id);
  });

  it("keeps an admin's correction with its history, re-indexes, and rebuilds captions and verses", async () => {
    const segment = await pipeline.db.transcriptSegment.findFirstOrThrow({
      where: { transcript: { sermonId: transcribed!.id, isCurrent: true }, position: 1 },
    });
    // Uploaded captions: nobody guessed them, so no confidence, before or after a correction.
    expect(segment.confidence).toBeNull();
    const deps = { db: pipeline.db, storage: pipeline.storage };
    const correction = {
      churchId: transcribed!.churchId,
      sermonId: transcribed!.id,
      segmentId: segment.id,
      editedById: null,
    };
    expect(
      await correctSegment(deps, {
        ...correction,
        text: "  Please turn with me to   Romans 8:28. ",
      }),
    ).toBe(true);
    expect(
      await correctSegment(deps, { ...correction, text: "Please turn with me to Romans 8:28." }),
    ).toBe(false);

    const edits = await pipeline.db.transcriptSegmentEdit.findMany({
      where: { segmentId: segment.id },
    });
    expect(edits.map((e) => [e.previousText, e.newText])).toEqual([
      ["Please turn with me to Romans 8:1.", "Please turn with me to Romans 8:28."],
    ]);
    expect(
      await pipeline.db.transcriptSegment.findUniqueOrThrow({
        where: { id: segment.id },
        select: { confidence: true, wordConfidences: true },
      }),
    ).toEqual({ confidence: null, wordConfidences: [] });
    expect(
      await pipeline.db.outbox.findUnique({
        where: { eventId: `sermon-reindex-requested:${transcribed!.id}:v1:edit-${edits[0]!.id}` },
      }),
    ).toMatchObject({ name: "sermon/reindex.requested" });
    const spoken = await pipeline.db.scriptureRef.findMany({
      where: { sermonId: transcribed!.id, source: "spoken" },
    });
    expect(spoken.map((ref) => ref.text)).toEqual(["Romans 8:28"]);
    const { vttKey } = await pipeline.db.transcript.findUniqueOrThrow({
      where: { id: segment.transcriptId },
    });
    expect(await pipeline.readObject(vttKey!)).toContain("Please turn with me to Romans 8:28.");

    const elsewhere = correctSegment(deps, {
      ...correction,
      churchId: "another-church",
      text: "x",
    });
    await expect(elsewhere).rejects.toBeInstanceOf(SegmentNotFoundError);
  });

  it("serves the current captions of published sermons only", async () => {
    const get = () =>
      serveCaptions(new Request("http://selah.test/captions/x"), transcribed!.id, {
        db: pipeline.db,
        storage: pipeline.storage,
      });
    const served = await get();
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await served.text()).toContain("Romans 8:28.");
    await pipeline.db.sermon.update({
      where: { id: transcribed!.id },
      data: { publishState: "draft" },
    });
    try {
      expect((await get()).status).toBe(404);
    } finally {
      await pipeline.db.sermon.update({
        where: { id: transcribed!.id },
        data: { publishState: "published" },
      });
    }
  });

  it("keeps the transcript when an upload is malformed, naming the line", async () => {
    const before = await pipeline.db.transcript.count({ where: { sermonId: transcribed!.id } });
    const upload = storeProvidedTranscript(
      { db: pipeline.db, storage: pipeline.storage },
      { churchId: transcribed!.churchId, sermonId: transcribed!.id },
      new TextEncoder().encode(
        "1\n00:00:01,000 --> 00:00:05,000\nOne\n\n2\n00:00:04,000 --> 00:00:06,000\nTwo\n",
      ),
    );
    await expect(upload).rejects.toBeInstanceOf(CaptionsRejectedError);
    await expect(upload).rejects.toMatchObject({ line: 6 });
    expect(await pipeline.db.transcript.count({ where: { sermonId: transcribed!.id } })).toBe(
      before,
    );
  });

  it("retries a provider outage (503) and succeeds, and fails at once on a bad key (401)", async () => {
    const stub = await startStubProvider((request) =>
      request.headers.authorization === "Token bad-key"
        ? {
            status: 401,
            body: { err_code: "INVALID_AUTH", err_msg: "Invalid credentials.", request_id: "r1" },
          }
        : stub.requests.filter((r) => r.headers.authorization === "Token good-key").length === 1
          ? {
              status: 503,
              body: { err_code: "SERVICE_UNAVAILABLE", err_msg: "Service Unavailable" },
            }
          : {
              status: 200,
              body: {
                metadata: {
                  request_id: "r2",
                  sha256: "x",
                  created: "2024-01-01T00:00:00Z",
                  duration: 2,
                  channels: 1,
                  models: [],
                  model_info: {},
                },
                results: {
                  channels: [
                    {
                      alternatives: [
                        {
                          transcript: "Amen.",
                          confidence: 0.9,
                          words: [
                            {
                              word: "amen",
                              punctuated_word: "Amen.",
                              start: 0.5,
                              end: 1.0,
                              confidence: 0.9,
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
              },
            },
    );
    try {
      Object.assign(process.env, { DEEPGRAM_BASE_URL: stub.url, DEEPGRAM_API_KEY: "good-key" });
      const retried = await requestTranscription("deepgram-outage", "deepgram");
      const run = await transcriptionRun(retried.event.id);
      expect(run.status).toBe("Completed");
      expect(
        run.steps.find((step) => step.name === "Transcribe the audio with deepgram")?.attempts,
      ).toBe(2);
      expect(JSON.parse(stub.requests[0]!.body.toString()).url).toMatch(
        /download\.m4a\?.*X-Amz-Signature=/,
      );
      expect(
        (await pipeline.db.sermon.findUniqueOrThrow({ where: { id: retried.sermon.id } })).status,
      ).toMatch(/transcribed|searchable/);

      process.env.DEEPGRAM_API_KEY = "bad-key";
      const refused = await requestTranscription("deepgram-bad-key", "deepgram");
      const failed = await transcriptionRun(refused.event.id);
      expect(failed.status).toBe("Failed");
      expect(
        failed.steps.find((step) => step.name === "Transcribe the audio with deepgram")?.attempts,
      ).toBe(1);
      await pipeline.waitForStatus(refused.sermon.id, ["failed"]);
      const sermon = await pipeline.db.sermon.findUniqueOrThrow({
        where: { id: refused.sermon.id },
      });
      expect(sermon.failedStage).toBe("transcribe");
      expect(sermon.failureReason).toContain(
        "Deepgram refused the request (401): check the API key.",
      );
    } finally {
      delete process.env.DEEPGRAM_BASE_URL;
      delete process.env.DEEPGRAM_API_KEY;
      await stub.stop();
    }
  });
});
