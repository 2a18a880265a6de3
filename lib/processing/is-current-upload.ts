import type { Db } from "@/lib/db/client";
import type { SermonMediaVersion } from "./sermon-media-keys";

/** False when the sermon is gone or a newer upload replaced this one: its run has nothing to do. */
export async function isCurrentUpload(db: Db, upload: SermonMediaVersion): Promise<boolean> {
  const sermon = await db.sermon.findUnique({
    where: { id: upload.sermonId },
    select: { churchId: true, mediaVersion: true },
  });
  return sermon?.churchId === upload.churchId && sermon.mediaVersion === upload.mediaVersion;
}
