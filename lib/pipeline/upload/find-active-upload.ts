import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";
import { UploadNotFoundError } from "./upload-errors";

/** The upload, only if it is in progress and belongs to this church's sermon. */
export async function findActiveUpload(ctx: UploadContext, ref: SermonRef, uploadId: string) {
  const upload = await ctx.db.mediaUpload.findFirst({
    where: {
      id: uploadId,
      sermonId: ref.sermonId,
      status: "active",
      sermon: { churchId: ref.churchId },
    },
  });
  if (!upload) throw new UploadNotFoundError();
  return upload;
}
