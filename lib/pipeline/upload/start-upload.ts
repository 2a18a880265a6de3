import { AbortMultipartUploadCommand, CreateMultipartUploadCommand } from "@aws-sdk/client-s3";
import { z } from "zod";
import { contentTypeOf, mediaExtensionOf } from "./accepted-media";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";
import { UploadRejectedError } from "./upload-errors";
import { originalKey } from "./upload-keys";
import { isStopped } from "@/lib/pipeline/stages";
import { formatBytes } from "@/lib/platform/text/format";

const MiB = 1024 * 1024;
/** S3 allows 10,000 parts of at least 5 MiB; 8 MiB parts keep a 2 GiB upload to 256 requests. */
const MIN_PART_SIZE = 8 * MiB;
const MAX_PARTS = 10_000;

export const startUploadSchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, "The file needs a name.")
    .max(255, "Keep the file name under 255 characters."),
  size: z
    .number({ message: "expected the file size in bytes" })
    .int()
    .positive("The file is empty."),
});

export type UploadPlan = {
  uploadId: string;
  key: string;
  partSize: number;
  partCount: number;
  isResumed: boolean;
};

/**
 * Starts a multipart upload for a sermon's audio, or returns the one already in progress for
 * the same file, so a reloaded page continues where it stopped. Any name is accepted (an MP3
 * called .wav, or with no extension at all): completion judges the content.
 */
export async function startUpload(
  ctx: UploadContext,
  ref: SermonRef,
  input: z.output<typeof startUploadSchema>,
  /** The admin uploading; null for `npm run sermon:add`, run by whoever runs Selah. */
  userId: string | null,
): Promise<UploadPlan> {
  if (input.size > ctx.maxBytes) {
    throw new UploadRejectedError(
      `The file is ${formatBytes(input.size)}; the limit is ${formatBytes(ctx.maxBytes)}.`,
    );
  }
  const sermon = await ctx.db.sermon.findFirst({
    where: { id: ref.sermonId, churchId: ref.churchId },
    select: { mediaVersion: true, status: true },
  });
  if (!sermon) throw new UploadRejectedError("That sermon does not exist in this church.");

  const partSize = Math.max(MIN_PART_SIZE, Math.ceil(input.size / MAX_PARTS / MiB) * MiB);
  const partCount = Math.ceil(input.size / partSize);
  const active = await ctx.db.mediaUpload.findMany({
    where: { sermonId: ref.sermonId, status: "active" },
  });
  const same = active.find(
    (upload) => upload.fileName === input.fileName && upload.bytes === BigInt(input.size),
  );
  if (same)
    return {
      uploadId: same.id,
      key: same.key,
      partSize: same.partSize,
      partCount: Math.ceil(input.size / same.partSize),
      isResumed: true,
    };

  // One upload at a time per sermon: a different file replaces the unfinished one.
  for (const stale of active) await abandon(ctx, stale);
  // Provisional: completion moves the object when its content calls for another extension.
  const extension = mediaExtensionOf(input.fileName);
  const contentType = contentTypeOf(extension);
  const key = originalKey(
    ref.churchId,
    ref.sermonId,
    sermon.mediaVersion + 1,
    input.fileName,
    extension,
  );
  // An earlier upload of the same name, refused or abandoned, still holds the key: it is done with.
  await ctx.db.mediaUpload.deleteMany({ where: { key, status: "aborted" } });
  const created = await ctx.s3.send(
    new CreateMultipartUploadCommand({ Bucket: ctx.bucket, Key: key, ContentType: contentType }),
  );
  if (!created.UploadId) throw new Error("Storage did not return an upload id");
  const upload = await ctx.db.mediaUpload.create({
    data: {
      sermonId: ref.sermonId,
      key,
      s3UploadId: created.UploadId,
      fileName: input.fileName,
      contentType,
      bytes: BigInt(input.size),
      partSize,
      createdById: userId,
    },
  });
  if (sermon.status === "draft" || isStopped(sermon.status)) {
    await ctx.db.sermon.update({
      where: { id: ref.sermonId },
      data: { status: "uploading", failedStage: null, failureReason: null },
    });
  }
  return { uploadId: upload.id, key, partSize, partCount, isResumed: false };
}

export async function abandon(
  ctx: UploadContext,
  upload: { id: string; key: string; s3UploadId: string },
): Promise<void> {
  await ctx.s3
    .send(
      new AbortMultipartUploadCommand({
        Bucket: ctx.bucket,
        Key: upload.key,
        UploadId: upload.s3UploadId,
      }),
    )
    .catch(() => undefined);
  await ctx.db.mediaUpload.update({ where: { id: upload.id }, data: { status: "aborted" } });
}

export { formatBytes };
