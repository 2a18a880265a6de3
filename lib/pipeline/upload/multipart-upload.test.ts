import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/platform/db/client";
import { startUploadServices, type UploadServices } from "@/test/support/upload-services";
import { abortUpload } from "./abort-upload";
import { completeUpload } from "./complete-upload";
import { presignParts } from "./presign-parts";
import { startUpload } from "./start-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";

let uploads: UploadServices;
let db: Db;
let ctx: UploadContext;
let churchId: string;

function wav(bytes: number): Buffer {
  const file = Buffer.alloc(bytes);
  file.write("RIFF", 0, "ascii");
  file.writeUInt32LE(bytes - 8, 4);
  file.write("WAVEfmt ", 8, "ascii");
  return file;
}

async function newSermon(title: string): Promise<SermonRef> {
  const sermon = await db.sermon.create({
    data: { churchId, title, slug: title.toLowerCase().replace(/\W+/g, "-") },
  });
  return { churchId, sermonId: sermon.id };
}

/** Does what the browser does: PUT each part to its presigned URL and keep the ETags. */
async function sendParts(
  ref: SermonRef,
  uploadId: string,
  file: Buffer,
  partSize: number,
  partNumbers: number[],
) {
  const { urls } = await presignParts(ctx, ref, uploadId, partNumbers);
  const parts = [];
  for (const { partNumber, url } of urls) {
    const response = await fetch(url, {
      method: "PUT",
      body: new Uint8Array(file.subarray((partNumber - 1) * partSize, partNumber * partSize)),
    });
    expect(response.status).toBe(200);
    parts.push({ partNumber, etag: response.headers.get("etag")! });
  }
  return parts;
}

beforeAll(async () => {
  uploads = await startUploadServices("uploads");
  ({ db, ctx, churchId } = uploads);
});
afterAll(async () => {
  await uploads?.stop();
});

describe("multipart upload", () => {
  it("uploads in parts, resumes the same upload, verifies and publishes sermon/uploaded", async () => {
    const ref = await newSermon("Parts");
    const file = wav(17 * 1024 * 1024 + 123);
    const plan = await startUpload(
      ctx,
      ref,
      { fileName: "Sunday Morning.WAV", size: file.length },
      "user-1",
    );
    expect(plan).toMatchObject({ partSize: 8 * 1024 * 1024, partCount: 3, isResumed: false });
    expect(plan.key).toBe(
      `churches/${churchId}/sermons/${ref.sermonId}/v1/original/sunday-morning.wav`,
    );
    expect((await db.sermon.findUniqueOrThrow({ where: { id: ref.sermonId } })).status).toBe(
      "uploading",
    );

    const first = await sendParts(ref, plan.uploadId, file, plan.partSize, [1]);
    // The page reloads; the same file continues the same upload.
    const resumed = await startUpload(
      ctx,
      ref,
      { fileName: "Sunday Morning.WAV", size: file.length },
      "user-1",
    );
    expect(resumed).toMatchObject({ uploadId: plan.uploadId, isResumed: true });
    const rest = await sendParts(ref, plan.uploadId, file, plan.partSize, [2, 3]);

    const done = await completeUpload(ctx, ref, plan.uploadId, [...rest, ...first]);
    expect(done).toEqual({ mediaVersion: 1, key: plan.key });
    const stored = await ctx.s3.send(new HeadObjectCommand({ Bucket: "media", Key: plan.key }));
    expect(stored.ContentLength).toBe(file.length);
    const sermon = await db.sermon.findUniqueOrThrow({
      where: { id: ref.sermonId },
      include: { mediaAssets: true },
    });
    expect(sermon).toMatchObject({ status: "processing", mediaVersion: 1 });
    expect(sermon.mediaAssets).toMatchObject([
      { kind: "original", key: plan.key, bytes: BigInt(file.length) },
    ]);
    const outbox = await db.outbox.findMany({ where: { name: "sermon/uploaded" } });
    expect(outbox).toMatchObject([
      {
        eventId: `sermon-uploaded:${ref.sermonId}:v1`,
        payload: { sermonId: ref.sermonId, churchId, mediaVersion: 1, objectKey: plan.key },
      },
    ]);
  });

  it("refuses a file over the limit before anything is stored; any name may start, the content decides", async () => {
    const ref = await newSermon("Refused");
    await expect(
      startUpload(ctx, ref, { fileName: "huge.mp3", size: 65 * 1024 * 1024 }, "u"),
    ).rejects.toThrow("the limit is 67.1 MB");
    expect(await db.mediaUpload.count({ where: { sermonId: ref.sermonId } })).toBe(0);
    // No media extension: no extension on the provisional key, until completion has seen the bytes.
    const plan = await startUpload(ctx, ref, { fileName: "notes.docx", size: 1000 }, "u");
    expect(plan.key).toBe(`churches/${churchId}/sermons/${ref.sermonId}/v1/original/notes`);
    await abortUpload(ctx, ref, plan.uploadId);
  });

  it("rejects a renamed file at completion by its first bytes, and deletes it", async () => {
    const ref = await newSermon("Renamed");
    const file = Buffer.from("This is a text file pretending to be audio.\n".repeat(100));
    const plan = await startUpload(ctx, ref, { fileName: "sermon.mp3", size: file.length }, "u");
    const parts = await sendParts(ref, plan.uploadId, file, plan.partSize, [1]);
    await expect(completeUpload(ctx, ref, plan.uploadId, parts)).rejects.toThrow(
      '"sermon.mp3" does not look like the audio or video file its name says',
    );
    await expect(
      ctx.s3.send(new GetObjectCommand({ Bucket: "media", Key: plan.key })),
    ).rejects.toThrow();
    expect(await db.sermon.findUniqueOrThrow({ where: { id: ref.sermonId } })).toMatchObject({
      status: "draft",
      mediaVersion: 0,
    });
    expect(
      await db.outbox.count({ where: { payload: { path: ["sermonId"], equals: ref.sermonId } } }),
    ).toBe(0);

    // The admin exports it again under the same name: a fresh upload under the same key.
    const again = wav(4096);
    const retry = await startUpload(ctx, ref, { fileName: "sermon.mp3", size: again.length }, "u");
    expect(retry).toMatchObject({ key: plan.key, isResumed: false });
    const done = await completeUpload(
      ctx,
      ref,
      retry.uploadId,
      await sendParts(ref, retry.uploadId, again, retry.partSize, [1]),
    );
    // It is a WAV, so it is stored as one.
    expect(done).toEqual({ mediaVersion: 1, key: plan.key.replace(/\.mp3$/, ".wav") });
  });

  it("will not complete with parts missing, and abort frees the upload", async () => {
    const ref = await newSermon("Aborted");
    const file = wav(9 * 1024 * 1024);
    const plan = await startUpload(ctx, ref, { fileName: "a.wav", size: file.length }, "u");
    const parts = await sendParts(ref, plan.uploadId, file, plan.partSize, [1]);
    await expect(completeUpload(ctx, ref, plan.uploadId, parts)).rejects.toThrow(
      "has 2 parts but 1 were reported complete",
    );
    await abortUpload(ctx, ref, plan.uploadId);
    expect(await db.mediaUpload.findUniqueOrThrow({ where: { id: plan.uploadId } })).toMatchObject({
      status: "aborted",
    });
    await expect(presignParts(ctx, ref, plan.uploadId, [2])).rejects.toThrow(
      "No such upload in progress",
    );
  });

  it("does not let another church touch the upload", async () => {
    const ref = await newSermon("Guarded");
    const plan = await startUpload(ctx, ref, { fileName: "a.wav", size: 2048 }, "u");
    const intruder = {
      churchId: (await db.church.create({ data: { slug: "intruder", name: "Intruder" } })).id,
      sermonId: ref.sermonId,
    };
    await expect(
      startUpload(ctx, intruder, { fileName: "a.wav", size: 2048 }, "u"),
    ).rejects.toThrow("does not exist in this church");
    await expect(presignParts(ctx, intruder, plan.uploadId, [1])).rejects.toThrow("No such upload");
    await expect(
      completeUpload(ctx, intruder, plan.uploadId, [{ partNumber: 1, etag: "x" }]),
    ).rejects.toThrow("No such upload");
    await expect(abortUpload(ctx, intruder, plan.uploadId)).rejects.toThrow("No such upload");
  });
});
