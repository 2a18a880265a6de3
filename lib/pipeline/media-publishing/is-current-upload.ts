import type { Db } from "@/lib/platform/db/client";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

/** False when the sermon is gone or a newer upload replaced this one: its run has nothing to do. */
export async function isCurrentUpload(db: Db, upload: SermonVersion): Promise<boolean> {
  const sermon = await db.sermon.findUnique({
    where: { id: upload.sermonId },
    select: { churchId: true, mediaVersion: true },
  });
  return sermon?.churchId === upload.churchId && sermon.mediaVersion === upload.mediaVersion;
}
