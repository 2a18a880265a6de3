import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import type { Db } from "@/lib/platform/db/client";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import { type SermonVersion, sermonVersionPrefix } from "@/lib/catalog/sermons/sermon-version";

/**
 * Deletes everything a rejected upload left under its version's prefix: the original and any
 * output made before the rejection, with their MediaAsset rows so nothing points at what is
 * gone. The original goes too: its content is the reason it was refused, nothing in Selah can
 * use it again (a corrected file is a new upload, a new version), and a hostile or 2 GB file
 * should not linger. Only for rejections: after a transient failure the original is what a
 * retry needs. Returns how many objects it deleted.
 */
export async function discardRejectedUpload(
  deps: { db: Db; storage: MediaStorage },
  version: SermonVersion,
): Promise<number> {
  const { s3, bucket } = deps.storage;
  const prefix = `${sermonVersionPrefix(version)}/`;
  let deleted = 0;
  let continuationToken: string | undefined;
  do {
    // A page holds at most 1000 keys, which is also DeleteObjects' limit.
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ContinuationToken: continuationToken,
      }),
    );
    const objects = (page.Contents ?? []).flatMap(({ Key }) => (Key ? [{ Key }] : []));
    if (objects.length > 0) {
      const { Errors } = await s3.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
      );
      if (Errors?.length) {
        throw new Error(
          `Could not delete ${Errors.length} object(s) under ${prefix}, first ${Errors[0]!.Key}: ${Errors[0]!.Code}`,
        );
      }
      deleted += objects.length;
    }
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);

  await deps.db.mediaAsset.deleteMany({
    where: { sermonId: version.sermonId, key: { startsWith: prefix } },
  });
  await invalidateChurchPages(deps.db, version.churchId);
  return deleted;
}
