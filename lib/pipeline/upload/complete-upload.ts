import {
  CompleteMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import {
  ACCEPTED_FORMATS,
  DETECTION_BYTES,
  type DetectedMedia,
  detectMedia,
  mediaExtensionOf,
} from "./accepted-media";
import { copyObject } from "./copy-object";
import { displayFileName } from "./display-file-name";
import { findActiveUpload } from "./find-active-upload";
import { recordNewOriginal } from "./record-new-original";
import { abandon, formatBytes } from "./start-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";
import { UploadRejectedError } from "./upload-errors";
import { originalKeyWithExtension } from "./upload-keys";
import { inSpan } from "@/lib/platform/telemetry/trace-context";

const MISSING_PART_ERRORS = ["InvalidPart", "EntityTooSmall"];

export const completeUploadSchema = z.object({
  parts: z
    .array(z.object({ partNumber: z.number().int().min(1), etag: z.string().min(1).max(200) }))
    .min(1, "An upload needs at least one part."),
});

/**
 * Assembles the parts, then trusts nothing the browser said: the object must exist, have the
 * announced size (within the limit) and start like media Selah reads, whatever its name says
 * (file-type on its first bytes; the audio check then judges the whole file). The original is
 * stored under the extension and Content-Type of what it is. Only then is the new version
 * recorded and `sermon/uploaded` published, in one transaction. Listener
 * pages showing the sermon are invalidated: while its media is prepared they read it live.
 */
export function completeUpload(
  ctx: UploadContext,
  ref: SermonRef,
  uploadId: string,
  parts: z.output<typeof completeUploadSchema>["parts"],
) {
  // The span the sermon's journey starts in: `sermon/uploaded` carries it to the pipeline.
  return inSpan("upload.complete", { attributes: { "selah.sermon_id": ref.sermonId } }, () =>
    assembleAndPublish(ctx, ref, uploadId, parts),
  );
}

async function assembleAndPublish(
  ctx: UploadContext,
  ref: SermonRef,
  uploadId: string,
  parts: z.output<typeof completeUploadSchema>["parts"],
) {
  const upload = await findActiveUpload(ctx, ref, uploadId);
  const partCount = Math.ceil(Number(upload.bytes) / upload.partSize);
  const numbers = new Set(parts.map((part) => part.partNumber));
  if (numbers.size !== partCount || [...numbers].some((n) => n > partCount)) {
    throw new UploadRejectedError(
      `The upload has ${partCount} parts but ${numbers.size} were reported complete; resume it to send the rest.`,
    );
  }
  const reject = async (reason: string): Promise<never> => {
    await ctx.s3
      .send(new DeleteObjectCommand({ Bucket: ctx.bucket, Key: upload.key }))
      .catch(() => undefined);
    await abandon(ctx, upload);
    await ctx.db.sermon.updateMany({
      where: { id: ref.sermonId, status: "uploading" },
      data: { status: "draft" },
    });
    throw new UploadRejectedError(reason);
  };
  await ctx.s3
    .send(
      new CompleteMultipartUploadCommand({
        Bucket: ctx.bucket,
        Key: upload.key,
        UploadId: upload.s3UploadId,
        MultipartUpload: {
          Parts: [...parts]
            .sort((a, b) => a.partNumber - b.partNumber)
            .map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })),
        },
      }),
    )
    .catch((error: unknown) => {
      // A retried completion whose first attempt assembled the object: the checks below decide.
      if (error instanceof Error && error.name === "NoSuchUpload") return;
      // Parts reported sent that storage never received whole: the client's record of the
      // upload is wrong, so resuming from it would fail the same way; start over instead.
      if (error instanceof Error && MISSING_PART_ERRORS.includes(error.name)) {
        return reject("Part of the file never reached storage; upload it again.");
      }
      throw error;
    });

  const head = await ctx.s3.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: upload.key }));
  const size = head.ContentLength ?? -1;
  if (size !== Number(upload.bytes))
    await reject(
      `The stored file is ${formatBytes(size)}, not the ${formatBytes(Number(upload.bytes))} announced; upload it again.`,
    );
  if (size > ctx.maxBytes)
    await reject(`The file is ${formatBytes(size)}; the limit is ${formatBytes(ctx.maxBytes)}.`);
  const start = await ctx.s3.send(
    new GetObjectCommand({
      Bucket: ctx.bucket,
      Key: upload.key,
      Range: `bytes=0-${DETECTION_BYTES - 1}`,
    }),
  );
  const detected = await detectMedia(await start.Body!.transformToByteArray(), upload.fileName);
  if (detected.kind !== "media") return reject(notMediaReason(upload.fileName, detected));
  // Named for what it is: an MP3 uploaded as "sermon.wav" or "sermon" is stored as .mp3.
  const key = originalKeyWithExtension(
    upload.key,
    mediaExtensionOf(upload.fileName),
    detected.extension,
  );
  if (key !== upload.key)
    await copyObject(ctx.s3, ctx.bucket, {
      from: upload.key,
      to: key,
      bytes: size,
      contentType: detected.contentType,
    });

  const completed = await ctx.db.$transaction(async (tx) => {
    await tx.mediaUpload.update({
      where: { id: upload.id },
      data: { status: "completed", contentType: detected.contentType },
    });
    const mediaVersion = await recordNewOriginal(tx, ref, {
      key,
      contentType: detected.contentType,
      bytes: upload.bytes,
    });
    return { mediaVersion, key };
  });
  // The provisional object goes once the version points at the final one; a completion that
  // failed before this point is retried from it.
  if (key !== upload.key)
    await ctx.s3
      .send(new DeleteObjectCommand({ Bucket: ctx.bucket, Key: upload.key }))
      .catch(() => undefined);
  await invalidateChurchPages(ctx.db, ref.churchId);
  return completed;
}

/** Why bytes that are not media Selah reads were refused, quoting the name as it really reads. */
export function notMediaReason(
  fileName: string,
  detected: Exclude<DetectedMedia, { kind: "media" }>,
): string {
  const name = displayFileName(fileName);
  if (detected.kind === "unsupported-media")
    return `"${name}" is ${detected.format}, a format Selah does not read. Selah accepts ${ACCEPTED_FORMATS}.`;
  if (mediaExtensionOf(fileName))
    return `"${name}" does not look like the audio or video file its name says; it may be damaged or renamed.`;
  return `Selah accepts ${ACCEPTED_FORMATS}; "${name}" is neither.`;
}
