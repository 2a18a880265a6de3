import { UploadPartCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { z } from "zod";
import { findActiveUpload } from "./find-active-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";
import { UploadRejectedError } from "./upload-errors";

export const presignPartsSchema = z.object({
  partNumbers: z
    .array(z.number().int().min(1))
    .min(1, "Ask for at least one part.")
    .max(100, "Ask for at most 100 parts at a time."),
});

const URL_LIFETIME_SECONDS = 60 * 60;

/** Short-lived URLs the browser PUTs each part to, straight to storage. */
export async function presignParts(
  ctx: UploadContext,
  ref: SermonRef,
  uploadId: string,
  partNumbers: number[],
) {
  const upload = await findActiveUpload(ctx, ref, uploadId);
  const partCount = Math.ceil(Number(upload.bytes) / upload.partSize);
  const outOfRange = partNumbers.filter((n) => n > partCount);
  if (outOfRange.length)
    throw new UploadRejectedError(
      `This upload has ${partCount} parts; there is no part ${outOfRange.join(", ")}.`,
    );
  const urls = await Promise.all(
    partNumbers.map(async (partNumber) => {
      const command = new UploadPartCommand({
        Bucket: ctx.bucket,
        Key: upload.key,
        UploadId: upload.s3UploadId,
        PartNumber: partNumber,
      });
      return {
        partNumber,
        url: ctx.toBrowserUrl(
          await getSignedUrl(ctx.s3, command, { expiresIn: URL_LIFETIME_SECONDS }),
        ),
      };
    }),
  );
  return { urls };
}
