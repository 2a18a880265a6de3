import { completeUpload } from "@/lib/pipeline/upload/complete-upload";
import { presignParts } from "@/lib/pipeline/upload/presign-parts";
import { startUpload, startUploadSchema } from "@/lib/pipeline/upload/start-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import type { Pipeline } from "./pipeline-harness";

/** The upload routes' context over the pipeline's own database and bucket. */
export function pipelineUploadContext(pipeline: Pipeline, maxBytes: number): UploadContext {
  return {
    db: pipeline.db,
    s3: pipeline.storage.s3,
    bucket: pipeline.storage.bucket,
    maxBytes,
    toBrowserUrl: (url) => url,
  };
}

export interface SentUpload {
  uploadId: string;
  key: string;
  /** A presigned URL of part 1, kept to show later that the upload takes no more parts. */
  partUrl: string;
  /** POST …/complete with the parts' ETags, as the uploader does once every part is up. */
  complete: () => ReturnType<typeof completeUpload>;
}

/**
 * What the uploader does through the upload routes up to completion: start (the body parsed by
 * the route's own schema), then PUT every part to its presigned URL. `announcedBytes` plays a
 * dishonest or cut-off client whose bytes do not match what it announced. Throws what the
 * routes answer with (UploadRejectedError → 422, ZodError → 422).
 */
export async function sendLikeABrowser(
  ctx: UploadContext,
  ref: SermonRef,
  file: Uint8Array,
  fileName: string,
  { announcedBytes = file.length }: { announcedBytes?: number } = {},
): Promise<SentUpload> {
  const body = startUploadSchema.parse({ fileName, size: announcedBytes });
  const plan = await startUpload(ctx, ref, body, "pipeline-admin");
  const partNumbers = Array.from({ length: plan.partCount }, (_, i) => i + 1);
  const { urls } = await presignParts(ctx, ref, plan.uploadId, partNumbers);
  const parts: { partNumber: number; etag: string }[] = [];
  for (const { partNumber, url } of urls) {
    // The last part carries whatever is left, so a file longer than announced goes up whole.
    const end = partNumber === plan.partCount ? file.length : partNumber * plan.partSize;
    const response = await fetch(url, {
      method: "PUT",
      body: new Uint8Array(file.subarray((partNumber - 1) * plan.partSize, end)),
    });
    if (!response.ok) throw new Error(`PUT part ${partNumber} → ${response.status}`);
    parts.push({ partNumber, etag: response.headers.get("etag")! });
  }
  return {
    uploadId: plan.uploadId,
    key: plan.key,
    partUrl: urls[0]!.url,
    complete: () => completeUpload(ctx, ref, plan.uploadId, parts),
  };
}
