// Issue 5, bad input: every kind of unusable upload ends in a clear message, either a 422 when
// the upload completes or a `failed` sermon from process-sermon, with no crash, no hang and
// nothing left in storage. All through the real path: the upload functions behind the routes,
// fauxqs S3, the outbox → SQS → worker → engine → process-sermon, real ffmpeg.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { probeMedia } from "@/lib/pipeline/media/probe-media";
import { maxSermonDurationMinutes } from "@/lib/platform/config/processing-env";
import { sermonVersionPrefix } from "@/lib/catalog/sermons/sermon-version";
import { completeUpload } from "@/lib/pipeline/upload/complete-upload";
import { startUpload, startUploadSchema } from "@/lib/pipeline/upload/start-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import { UploadRejectedError } from "@/lib/pipeline/upload/upload-errors";
import { waitUntil } from "@/test/events/support/event-path";
import {
  cutOffMp3,
  ffconcatList,
  hlsPlaylist,
  pdfDocument,
  pngImage,
  shortRecording,
  silentFilm,
  tenHourMp3,
} from "./support/bad-media";
import { startPipeline, type Pipeline } from "./support/pipeline-harness";
import { fileCanary, httpCanary, type ReadCanary } from "./support/read-canaries";
import { pipelineUploadContext, sendLikeABrowser } from "./support/upload-like-a-browser";

const MiB = 1024 * 1024;
const TEXT = Buffer.from("These are my sermon notes, not a recording.\n".repeat(40));
const ETC_PASSWD = "file:///etc/passwd";
const LOCAL_URL = "http://127.0.0.1:9/internal/secret.mp3";

let pipeline: Pipeline;
let workDir: string;
let uploads: UploadContext;
const canaries: ReadCanary[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-bad-input-"));
  pipeline = await startPipeline();
  uploads = pipelineUploadContext(pipeline, 64 * MiB);
});

afterAll(async () => {
  await Promise.all(canaries.map((canary) => canary.stop()));
  await pipeline?.stop();
  await rm(workDir, { recursive: true, force: true });
});

let sermonCount = 0;

/** A sermon waiting for its first upload; its upload will become version 1 under `prefix`. */
async function draftSermon() {
  const sermon = await pipeline.createSermon({
    slug: `bad-input-${++sermonCount}`,
    status: "draft",
    mediaVersion: 0,
  });
  const ref: SermonRef = { churchId: sermon.churchId, sermonId: sermon.id };
  return { ref, prefix: `${sermonVersionPrefix({ ...ref, mediaVersion: 1 })}/` };
}

async function rejectionOf(attempt: Promise<unknown>): Promise<UploadRejectedError> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  // churchRoute answers with the error's status: a 4xx the uploader shows, not a 500.
  expect((error as UploadRejectedError).status).toBe(422);
  return error as UploadRejectedError;
}

/** After a refusal: nothing stored, the multipart upload closed, the sermon as it was. */
async function expectNothingKept(ref: SermonRef, prefix: string, partUrl?: string) {
  expect(await pipeline.listKeys(prefix)).toEqual([]);
  if (partUrl) {
    const late = await fetch(partUrl, { method: "PUT", body: "more" });
    expect(late.status).toBe(404);
    expect(await late.text()).toContain("NoSuchUpload");
  }
  const active = await pipeline.db.mediaUpload.count({
    where: { sermonId: ref.sermonId, status: "active" },
  });
  expect(active).toBe(0);
  expect(await pipeline.db.sermon.findUniqueOrThrow({ where: { id: ref.sermonId } })).toMatchObject(
    { status: "draft", mediaVersion: 0, failureReason: null },
  );
  const events = await pipeline.db.outbox.count({
    where: { payload: { path: ["sermonId"], equals: ref.sermonId } },
  });
  expect(events).toBe(0);
}

/** Uploads `file` as `fileName` and expects completion to refuse it with `message`. */
async function expectRefusedAtCompletion(file: Uint8Array, fileName: string, message: RegExp) {
  const { ref, prefix } = await draftSermon();
  const sent = await sendLikeABrowser(uploads, ref, file, fileName);
  const rejection = await rejectionOf(sent.complete());
  expect(rejection.message).toMatch(message);
  await expectNothingKept(ref, prefix, sent.partUrl);
  return rejection;
}

/**
 * process-sermon rejected the version at once (the probe's reason for the admin, no retries) and
 * its storage was emptied: the rejected original and any output are gone, with their rows.
 */
async function expectFailedAndDiscarded(
  upload: { sermonId: string; churchId: string; mediaVersion: number; objectKey: string },
  reason: RegExp,
) {
  await pipeline.waitForStatus(upload.sermonId, ["rejected"]);
  const stored = await pipeline.db.sermon.findUniqueOrThrow({ where: { id: upload.sermonId } });
  expect(stored.failedStage).toBe("audio_check");
  expect(stored.failureReason).toMatch(reason);

  const run = await pipeline.endedRun(sermonUploaded.baseIdOf(upload));
  expect(run.status).toBe("Failed");
  expect(run.steps.find((step) => step.name.startsWith("Transcode"))?.attempts).toBe(1);

  const prefix = `${sermonVersionPrefix(upload)}/`;
  let left: string[] = [];
  await waitUntil(
    async () => (left = await pipeline.listKeys(prefix)).length === 0,
    30_000,
    () => `${prefix} to be emptied (holds ${left.join(", ")})`,
  );
  expect(await pipeline.db.mediaAsset.count({ where: { sermonId: upload.sermonId } })).toBe(0);
  expect(
    await pipeline.db.outbox.findUnique({
      where: { eventId: `sermon-failed:${upload.sermonId}:v${upload.mediaVersion}:audio_check` },
    }),
  ).toMatchObject({ name: "sermon/failed" });
  return stored.failureReason!;
}

/** Uploads through the routes, which accept it: the file is then process-sermon's to judge. */
async function uploadAccepted(file: Uint8Array, fileName: string) {
  const { ref } = await draftSermon();
  const { mediaVersion, key } = await (
    await sendLikeABrowser(uploads, ref, file, fileName)
  ).complete();
  expect(mediaVersion).toBe(1);
  return { ...ref, mediaVersion, objectKey: key };
}

describe("refused when the upload completes: a 422, the object and its parts gone, the sermon still a draft", () => {
  it("a zero-byte file: the start route refuses it, and bytes that never arrive are refused at completion", async () => {
    const refused = startUploadSchema.safeParse({ fileName: "empty.mp3", size: 0 });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual(["The file is empty."]);

    // A client that announces a byte, sends nothing, and reports the part done (with the ETag
    // of zero bytes) is refused at completion, not answered with a 500.
    const { ref, prefix } = await draftSermon();
    const body = startUploadSchema.parse({ fileName: "empty.mp3", size: 1 });
    const plan = await startUpload(uploads, ref, body, "pipeline-admin");
    const emptyPart = { partNumber: 1, etag: '"d41d8cd98f00b204e9800998ecf8427e"' };
    const rejection = await rejectionOf(completeUpload(uploads, ref, plan.uploadId, [emptyPart]));
    expect(rejection.message).toBe("Part of the file never reached storage; upload it again.");
    await expectNothingKept(ref, prefix);
    expect(
      await pipeline.db.mediaUpload.findUniqueOrThrow({ where: { id: plan.uploadId } }),
    ).toMatchObject({ status: "aborted" });
  });

  it("a 1-byte file", async () => {
    await expectRefusedAtCompletion(
      Buffer.from([0xff]),
      "one-byte.mp3",
      /^"one-byte\.mp3" does not look like the audio or video file its name says/,
    );
  });

  it.each([
    ["a text file", () => TEXT],
    ["a PNG image", () => pngImage(workDir)],
    ["a PDF", () => pdfDocument()],
    ["an HLS playlist pointing at /etc/passwd", () => hlsPlaylist(ETC_PASSWD)],
    ["an HLS playlist pointing at a local URL", () => hlsPlaylist(LOCAL_URL)],
    ["an ffconcat file pointing at /etc/passwd", () => ffconcatList(ETC_PASSWD)],
    ["an ffconcat file pointing at a local URL", () => ffconcatList(LOCAL_URL)],
  ])("%s renamed .mp3", async (_what, make) => {
    await expectRefusedAtCompletion(
      await make(),
      "sermon.mp3",
      /^"sermon\.mp3" does not look like the audio or video file its name says; it may be damaged or renamed\.$/,
    );
  });

  it("an upload cut off on the way (fewer bytes arrived than announced)", async () => {
    const { ref, prefix } = await draftSermon();
    const whole = await shortRecording(workDir);
    const sent = await sendLikeABrowser(uploads, ref, whole.subarray(0, 1000), "sermon.mp3", {
      announcedBytes: whole.length,
    });
    const rejection = await rejectionOf(sent.complete());
    expect(rejection.message).toMatch(
      /^The stored file is 1\.0 KB, not the \d+\.\d KB announced; upload it again\.$/,
    );
    await expectNothingKept(ref, prefix, sent.partUrl);
  });

  it("a file over the size cap: refused when it starts, before anything is stored", async () => {
    const capped = pipelineUploadContext(pipeline, 2 * MiB);
    const { ref, prefix } = await draftSermon();
    const large = Buffer.alloc(3 * MiB, 0xff);
    const rejection = await rejectionOf(sendLikeABrowser(capped, ref, large, "long.mp3"));
    expect(rejection.message).toBe("The file is 3.1 MB; the limit is 2.1 MB.");
    expect(await pipeline.db.mediaUpload.count({ where: { sermonId: ref.sermonId } })).toBe(0);
    await expectNothingKept(ref, prefix);
  });

  it("a file over the size cap sent by a client that announced less: refused at completion", async () => {
    const capped = pipelineUploadContext(pipeline, 2 * MiB);
    const { ref, prefix } = await draftSermon();
    const large = Buffer.alloc(3 * MiB, 0xff);
    const sent = await sendLikeABrowser(capped, ref, large, "long.mp3", { announcedBytes: MiB });
    const rejection = await rejectionOf(sent.complete());
    expect(rejection.message).toBe(
      "The stored file is 3.1 MB, not the 1.0 MB announced; upload it again.",
    );
    await expectNothingKept(ref, prefix, sent.partUrl);
  });

  it("names with right-to-left overrides are quoted as they really read", async () => {
    // "notes\u202Eexe.mp3" displays as "notes3pm.exe"; the refusal shows the real name.
    const rejection = await expectRefusedAtCompletion(TEXT, "notes\u202Eexe.mp3", /does not look/);
    expect(rejection.message).toMatch(/^"notesexe\.mp3" does not look like/);

    // "setlist\u202E3pm.exe" displays as "setlistexe.mp3", but is text named .exe: refused
    // when its bytes are seen (a name decides nothing: "sermon.mp3.exe" holding MP3 is taken).
    const neither = await expectRefusedAtCompletion(TEXT, "setlist\u202E3pm.exe", /is neither/);
    expect(neither.message).toMatch(/; "setlist3pm\.exe" is neither\.$/);
  });
});

describe("accepted by the upload, then failed by process-sermon with a reason, the version's storage emptied", () => {
  it("a truncated MP3 (an interrupted copy: its header still describes the whole minute)", async () => {
    const upload = await uploadAccepted(await cutOffMp3(workDir), "cut-off.mp3");
    const reason = await expectFailedAndDiscarded(upload, /cut off/);
    expect(reason).toBe(
      "This file seems to be cut off: its header describes 1 min of audio, but the file holds only about 50% of that. " +
        "It may not have finished copying or exporting. Please export it again and re-upload.",
    );
  });

  it("a video with no audio track", async () => {
    const upload = await uploadAccepted(await silentFilm(workDir), "screen-recording.mp4");
    await expectFailedAndDiscarded(
      upload,
      /^This file has no sound track, so there is nothing to play\./,
    );
  });

  it("a 10-hour recording: refused over SERMON_MAX_DURATION_MINUTES with its length and the limit, accepted by the probe under the default", async () => {
    const tenHours = await tenHourMp3(workDir);
    const previous = process.env.SERMON_MAX_DURATION_MINUTES;
    // The app runs in this process and the probe reads the limit when it runs.
    process.env.SERMON_MAX_DURATION_MINUTES = "120";
    try {
      const upload = await uploadAccepted(tenHours, "all-day-conference.mp3");
      const reason = await expectFailedAndDiscarded(upload, /more than/);
      expect(reason).toBe(
        "This recording is 10 h 0 min long, more than the 2 h 0 min this Selah accepts. " +
          "Upload a shorter recording, or ask whoever runs Selah to raise SERMON_MAX_DURATION_MINUTES (now 120) and upload it again.",
      );
    } finally {
      if (previous === undefined) delete process.env.SERMON_MAX_DURATION_MINUTES;
      else process.env.SERMON_MAX_DURATION_MINUTES = previous;
    }

    // Under the default (720 minutes) the same file passes the probe; process-sermon would go
    // on to transcode it, which takes minutes, so the test stops at the guard.
    const path = join(workDir, "all-day-conference.mp3");
    await writeFile(path, tenHours);
    const info = await probeMedia(path, { maxDurationMinutes: maxSermonDurationMinutes({}) });
    expect(info.durationMs).toBeGreaterThan(10 * 3_600_000);
    expect(info.durationMs).toBeLessThan(10 * 3_600_000 + 60_000);
  });
});

describe("files that get past the upload check anyway are refused by the probe, which never follows what they point at", () => {
  const exec = promisify(execFile);

  /** Plays a hostile playlist through `build` with a fresh canary as its target. */
  async function withCanary(kind: "file" | "url", build: (target: string) => Buffer) {
    const canary =
      kind === "file"
        ? await fileCanary(workDir, `canary-${canaries.length}.mp3`)
        : await httpCanary();
    canaries.push(canary);
    return { canary, bytes: build(canary.url) };
  }

  it("control: an ffprobe without our whitelists does open what those playlists point at, and the canaries notice", async () => {
    const cases = [
      { demuxer: "hls", ...(await withCanary("file", hlsPlaylist)) },
      { demuxer: "hls", ...(await withCanary("url", hlsPlaylist)) },
      { demuxer: "concat", ...(await withCanary("file", ffconcatList)) },
      { demuxer: "concat", ...(await withCanary("url", ffconcatList)) },
    ];
    for (const [index, { demuxer, canary, bytes }] of cases.entries()) {
      const path = join(workDir, `control-${index}.mp3`);
      await writeFile(path, bytes);
      const unsafe = demuxer === "concat" ? ["-safe", "0"] : [];
      await exec(
        "ffprobe",
        [
          "-v",
          "quiet",
          "-protocol_whitelist",
          "file,http,tcp",
          ...unsafe,
          "-f",
          demuxer,
          "-i",
          path,
        ],
        { timeout: 15_000 },
      ).catch(() => undefined); // it finds no audio there; what matters is that it looked
      await waitUntil(
        () => canary.wasRead(),
        5_000,
        () => `${demuxer} to read ${canary.url}`,
      );
    }
  });

  it("empty, 1-byte, text, PNG, PDF, HLS and ffconcat objects each fail with a reason; no canary is read", async () => {
    const unreadable =
      /^This file could not be read as audio\. It may be damaged, incomplete, or not a recording at all\./;
    const unsupported =
      /^This file type is not supported\. Please upload MP3, M4A\/AAC, WAV, FLAC, OGG\/Opus, or an MP4\/MOV video with sound\.$/;
    const hostile: { what: string; bytes: Buffer; canary?: ReadCanary }[] = [
      { what: "HLS → /etc/passwd", bytes: hlsPlaylist(ETC_PASSWD) },
      { what: "HLS → a local file", ...(await withCanary("file", hlsPlaylist)) },
      { what: "HLS → a local URL", ...(await withCanary("url", hlsPlaylist)) },
      { what: "ffconcat → /etc/passwd", bytes: ffconcatList(ETC_PASSWD) },
      { what: "ffconcat → a local file", ...(await withCanary("file", ffconcatList)) },
      { what: "ffconcat → a local URL", ...(await withCanary("url", ffconcatList)) },
    ];
    const cases = [
      {
        what: "zero bytes",
        bytes: new Uint8Array(0),
        reason: /^The uploaded file is empty \(0 bytes\)\./,
      },
      { what: "1 byte", bytes: Buffer.from([0xff]), reason: unreadable },
      { what: "text", bytes: TEXT, reason: unreadable },
      { what: "PNG", bytes: await pngImage(workDir), reason: unsupported },
      { what: "PDF", bytes: pdfDocument(), reason: unreadable },
      ...hostile.map((item) => ({ ...item, reason: unsupported })),
    ];

    // Placed where the upload flow puts originals, with `sermon/uploaded` published as it does.
    const placed = await Promise.all(
      cases.map(async (item, index) => {
        const sermon = await pipeline.createSermon({ slug: `slipped-past-${index}` });
        const event = await pipeline.upload(sermon, item.bytes, { fileName: "sermon.mp3" });
        const objectKey = String(event.data.objectKey);
        return {
          ...item,
          upload: { sermonId: sermon.id, churchId: sermon.churchId, mediaVersion: 1, objectKey },
        };
      }),
    );
    for (const { what, upload, reason } of placed) {
      const failure = await expectFailedAndDiscarded(upload, /./);
      expect(failure, what).toMatch(reason);
    }
    for (const { what, canary } of hostile) expect(canary?.wasRead() ?? false, what).toBe(false);
  });
});

describe("names holding ../ or right-to-left controls", () => {
  it("a good recording with such a name is stored under its own sermon's version and streams", async () => {
    const recording = await shortRecording(workDir);
    const names = ["../../../etc/passwd.mp3", "sermon\u202Eexe.mp3"];
    const uploaded = await Promise.all(names.map((name) => uploadAccepted(recording, name)));

    expect(
      uploaded.map(({ objectKey, ...version }) =>
        objectKey.slice(sermonVersionPrefix(version).length),
      ),
    ).toEqual(["/original/etc-passwd.mp3", "/original/sermon-exe.mp3"]);
    for (const upload of uploaded) {
      // Transcription follows at once, so a short recording may already be past streamable.
      await pipeline.waitForStatus(upload.sermonId, ["streamable", "transcribed", "searchable"]);
      const keys = await pipeline.listKeys(`${sermonVersionPrefix(upload)}/`);
      expect(keys).toContain(upload.objectKey);
      expect(keys).toContain(`${sermonVersionPrefix(upload)}/master.m3u8`);
    }
    // Nothing anywhere in the bucket escaped the churches/<church>/sermons/<sermon>/ layout.
    const stray = (await pipeline.listKeys("")).filter(
      (key) => !/^churches\/[^/]+\/sermons\/[^/]+\/v\d+\//.test(key),
    );
    expect(stray).toEqual([]);
  });
});
