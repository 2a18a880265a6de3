import { findActiveUpload } from "./find-active-upload";
import { abandon } from "./start-upload";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { UploadContext } from "./upload-context";

/** Cancels an upload and frees its stored parts. */
export async function abortUpload(
  ctx: UploadContext,
  ref: SermonRef,
  uploadId: string,
): Promise<void> {
  const upload = await findActiveUpload(ctx, ref, uploadId);
  await abandon(ctx, upload);
  await ctx.db.sermon.updateMany({
    where: { id: ref.sermonId, status: "uploading" },
    data: { status: "draft" },
  });
}
