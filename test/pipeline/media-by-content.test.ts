// Media judged by content, not by name: what churches actually record with (a browser's
// MediaRecorder, Windows, Apple devices, phones, cameras) and files whose name is wrong or
// missing, through the functions the upload routes call (start, presigned parts, complete, on
// fauxqs S3 and PGlite) and then the audio check and media stage's work on the stored
// original (probeMedia, prepareSermonMedia), as publishSermonMedia runs them.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/platform/db/client";
import { startUploadServices, type UploadServices } from "@/test/support/upload-services";
import { prepareSermonMedia } from "@/lib/pipeline/media/prepare-sermon-media";
import { probeMedia } from "@/lib/pipeline/media/probe-media";
import { copyObject } from "@/lib/pipeline/upload/copy-object";
import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import { UploadRejectedError } from "@/lib/pipeline/upload/upload-errors";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import { downloadObject } from "@/lib/platform/storage/download-object";
import { generateAmr, generateMedia } from "@/test/support/test-media";
import { pngImage } from "./support/bad-media";
import { sendLikeABrowser } from "./support/upload-like-a-browser";

const SECONDS = 3;
const tone = ["-f", "lavfi", "-i", `sine=frequency=220:sample_rate=48000:duration=${SECONDS}`];
const picture = ["-f", "lavfi", "-i", `testsrc=size=160x120:rate=10:duration=${SECONDS}`];

let uploads: UploadServices;
let db: Db;
let ctx: UploadContext;
let churchId: string;
let dir: string;
let sermonCount = 0;

beforeAll(async () => {
  uploads = await startUploadServices("by-content");
  ({ db, ctx, churchId } = uploads);
  dir = await mkdtemp(join(tmpdir(), "media-by-content-"));
});
afterAll(async () => {
  await uploads?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function newSermon(): Promise<SermonRef> {
  const n = ++sermonCount;
  const sermon = await db.sermon.create({
    data: { churchId, title: `Sermon ${n}`, slug: `sermon-${n}` },
  });
  return { churchId, sermonId: sermon.id };
}

const file = (name: string, args: string[]) => async () =>
  readFile(await generateMedia(dir, name, args));
const mp3 = file("tone.mp3", [...tone, "-c:a", "libmp3lame"]);

/** A WebM as a browser's MediaRecorder leaves it: Opus, no duration in its header, no cues. */
const recorderWebm = async () =>
  execFileSync("ffmpeg", [
    ...["-nostdin", "-loglevel", "error", ...tone, "-c:a", "libopus", "-f", "webm", "pipe:1"],
  ]);

describe("accepted by content, stored as what it is, and read by the audio check", () => {
  it.each([
    // fileName, bytes, stored as, Content-Type, ffprobe's container, has video
    [
      "Sunday recording.webm",
      recorderWebm,
      "sunday-recording.webm",
      "video/webm",
      "matroska,webm",
      false,
    ],
    [
      "evening.ogg",
      file("vorbis.ogg", [...tone, "-c:a", "libvorbis"]),
      "evening.ogg",
      "audio/ogg",
      "ogg",
      false,
    ],
    [
      "sermon.wma",
      file("wmav2.wma", [...tone, "-c:a", "wmav2"]),
      "sermon.wma",
      "audio/x-ms-wma",
      "asf",
      false,
    ],
    [
      "sermon.aiff",
      file("pcm.aiff", [...tone, "-c:a", "pcm_s16be"]),
      "sermon.aiff",
      "audio/aiff",
      "aiff",
      false,
    ],
    [
      "sermon.mka",
      file("vorbis.mka", [...tone, "-c:a", "libvorbis"]),
      "sermon.mka",
      "audio/x-matroska",
      "matroska,webm",
      false,
    ],
    // AMR-NB written byte by byte: this ffmpeg decodes AMR but has no encoder for it.
    [
      "voice memo.amr",
      async () => readFile(await generateAmr(dir, "memo.amr", SECONDS)),
      "voice-memo.amr",
      "audio/amr",
      "amr",
      false,
    ],
    [
      "memo.caf",
      file("alac.caf", [...tone, "-c:a", "alac"]),
      "memo.caf",
      "audio/x-caf",
      "caf",
      false,
    ],
    [
      "service.mov",
      file("film.mov", [...picture, ...tone, "-c:v", "mpeg4", "-c:a", "aac"]),
      "service.mov",
      "video/quicktime",
      "mov,mp4,m4a,3gp,3g2,mj2",
      true,
    ],
    [
      "service.mp4",
      file("film.mp4", [...picture, ...tone, "-c:v", "mpeg4", "-c:a", "aac"]),
      "service.mp4",
      "video/mp4",
      "mov,mp4,m4a,3gp,3g2,mj2",
      true,
    ],
    // Wrong or missing names: the content decides, and the stored name follows it.
    ["sermon.wav", mp3, "sermon.mp3", "audio/mpeg", "mp3", false],
    ["sermon", mp3, "sermon.mp3", "audio/mpeg", "mp3", false],
    ["sermon.mp3.exe", mp3, "sermon-mp3.mp3", "audio/mpeg", "mp3", false],
    [
      "talk.m4a",
      file("adts.aac", [...tone, "-c:a", "aac", "-f", "adts"]),
      "talk.aac",
      "audio/aac",
      "aac",
      false,
    ],
  ])("%s", async (fileName, make, storedAs, contentType, container, hasVideo) => {
    const ref = await newSermon();
    const sent = await sendLikeABrowser(ctx, ref, await make(), fileName);
    const { mediaVersion, key } = await sent.complete();
    expect(key).toBe(
      `churches/${churchId}/sermons/${ref.sermonId}/v${mediaVersion}/original/${storedAs}`,
    );
    expect(
      (await ctx.s3.send(new HeadObjectCommand({ Bucket: "media", Key: key }))).ContentType,
    ).toBe(contentType);
    if (sent.key !== key) {
      // The provisional object under the name's extension (or none) is gone.
      await expect(
        ctx.s3.send(new HeadObjectCommand({ Bucket: "media", Key: sent.key })),
      ).rejects.toThrow();
    }
    const original = await db.mediaAsset.findFirstOrThrow({
      where: { sermonId: ref.sermonId, kind: "original" },
    });
    expect(original).toMatchObject({ key, contentType });
    const event = await db.outbox.findFirstOrThrow({
      where: { name: "sermon/uploaded", payload: { path: ["sermonId"], equals: ref.sermonId } },
    });
    expect(event.payload).toMatchObject({ objectKey: key });

    // What the media stage does with it: download under the stored extension, check, prepare.
    const input = join(dir, `${ref.sermonId}${extname(key)}`);
    await downloadObject(ctx.s3, "media", key, input);
    const info = await probeMedia(input);
    expect(info).toMatchObject({ container, hasVideo });
    expect(Math.abs(info.durationMs - SECONDS * 1000)).toBeLessThan(150);
    const prepared = await prepareSermonMedia(input, join(dir, `${ref.sermonId}-out`), { info });
    expect(Math.abs(prepared.durationMs - SECONDS * 1000)).toBeLessThan(100);
    expect(prepared.transcode.renditions.every((r) => r.segmentCount >= 1)).toBe(true);
  });
});

describe("still refused when the upload completes, with a reason, whatever the name", () => {
  async function refusal(bytes: Uint8Array, fileName: string): Promise<string> {
    const ref = await newSermon();
    const sent = await sendLikeABrowser(ctx, ref, bytes, fileName);
    const error = await sent.complete().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UploadRejectedError);
    await expect(
      ctx.s3.send(new GetObjectCommand({ Bucket: "media", Key: sent.key })),
    ).rejects.toThrow();
    expect(await db.sermon.findUniqueOrThrow({ where: { id: ref.sermonId } })).toMatchObject({
      status: "draft",
      mediaVersion: 0,
    });
    return (error as Error).message;
  }
  const text = (content: string) => Buffer.from(content.repeat(20));

  it.each([
    ["notes.docx", text("These are my sermon notes.\n")],
    ["playlist.m3u8", text("#EXTM3U\n#EXTINF:10.0,\nfile:///etc/passwd\n")],
    ["list.ffconcat", text("ffconcat version 1.0\nfile '/etc/passwd'\n")],
    [
      "stream.sdp",
      text("v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nm=audio 5004 RTP/AVP 0\n"),
    ],
    ["bulletin.pdf", text("%PDF-1.7\n1 0 obj << >> endobj\n")],
    ["setup.exe", Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(8192)])],
  ])("%s: not media", async (fileName, bytes) => {
    expect(await refusal(bytes, fileName)).toBe(
      `Selah accepts audio (MP3, M4A/AAC, WAV, FLAC, Ogg/Opus, WebM, WMA, AIFF, AMR, CAF) and video with an audio track (MP4, MOV, MKV, WebM); "${fileName}" is neither.`,
    );
  });

  it("a PNG named like a recording: the message says the name and content disagree", async () => {
    expect(await refusal(await pngImage(dir), "sermon.m4a")).toBe(
      '"sermon.m4a" does not look like the audio or video file its name says; it may be damaged or renamed.',
    );
  });

  it("media in a container Selah does not read is named as such", async () => {
    const avi = await readFile(
      await generateMedia(dir, "clip.avi", [...picture, ...tone, "-c:v", "mpeg4", "-c:a", "mp3"]),
    );
    expect(await refusal(avi, "clip.mp4")).toMatch(
      /^"clip\.mp4" is AVI, a format Selah does not read\. Selah accepts audio \(MP3/,
    );
  });
});

describe("copyObject", () => {
  it("copies a large original in parts, storage-side, with its new Content-Type", async () => {
    const bytes = Buffer.alloc(7 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    await ctx.s3.send(
      new PutObjectCommand({
        Bucket: "media",
        Key: "copy/from",
        Body: bytes,
        ContentType: "audio/wav",
      }),
    );
    await copyObject(
      ctx.s3,
      "media",
      { from: "copy/from", to: "copy/to.mp3", bytes: bytes.length, contentType: "audio/mpeg" },
      { singleCopyMaxBytes: 1024 * 1024, partBytes: 5 * 1024 * 1024 },
    );
    const copied = await ctx.s3.send(new GetObjectCommand({ Bucket: "media", Key: "copy/to.mp3" }));
    expect(copied.ContentType).toBe("audio/mpeg");
    expect(Buffer.from(await copied.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });
});
