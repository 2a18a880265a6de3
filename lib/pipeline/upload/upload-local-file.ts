import { open } from "node:fs/promises";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import { abortUpload } from "./abort-upload";
import type { LocalMediaFile } from "./check-local-media-file";
import { completeUpload } from "./complete-upload";
import { presignParts } from "./presign-parts";
import { startUpload, startUploadSchema } from "./start-upload";
import type { UploadContext } from "./upload-context";
import { UploadRejectedError } from "./upload-errors";

/** The most URLs presignParts hands out a call (presignPartsSchema). */
const PARTS_PER_REQUEST = 100;

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

/**
 * Uploads a file on this machine exactly as the browser's uploader does, through the same
 * functions its routes call: start (the route's own schema), presigned URLs, a PUT of every
 * part straight to storage, then completion, which checks the object and publishes
 * `sermon/uploaded`. An upload that fails or is aborted part-way is abandoned, its parts freed.
 */
export async function uploadLocalFile(
  ctx: UploadContext,
  ref: SermonRef,
  file: LocalMediaFile,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<{ mediaVersion: number; key: string }> {
  const { signal, onProgress } = options;
  const input = startUploadSchema.parse({ fileName: file.fileName, size: file.size });
  const plan = await startUpload(ctx, ref, input, null);
  const handle = await open(file.path, "r");
  try {
    const parts: { partNumber: number; etag: string }[] = [];
    let sentBytes = 0;
    for (let first = 1; first <= plan.partCount; first += PARTS_PER_REQUEST) {
      const count = Math.min(PARTS_PER_REQUEST, plan.partCount - first + 1);
      const numbers = Array.from({ length: count }, (_, i) => first + i);
      const { urls } = await presignParts(ctx, ref, plan.uploadId, numbers);
      for (const { partNumber, url } of urls) {
        signal?.throwIfAborted();
        const start = (partNumber - 1) * plan.partSize;
        const body = Buffer.alloc(Math.min(plan.partSize, file.size - start));
        const { bytesRead } = await handle.read(body, 0, body.length, start);
        if (bytesRead !== body.length)
          throw new UploadRejectedError(`${file.path} changed while it was being uploaded.`);
        const response = await fetch(url, { method: "PUT", body, signal });
        if (!response.ok)
          throw new Error(
            `Storage refused part ${partNumber} of the upload: ${response.status} ${(await response.text()).slice(0, 200)}`,
          );
        parts.push({ partNumber, etag: response.headers.get("etag") ?? "" });
        sentBytes += body.length;
        onProgress?.({ sentBytes, totalBytes: file.size });
      }
    }
    return await completeUpload(ctx, ref, plan.uploadId, parts);
  } catch (error) {
    // A refused completion has abandoned the upload itself; anything else leaves it to us.
    await abortUpload(ctx, ref, plan.uploadId).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}
