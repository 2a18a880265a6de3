import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import type { Db } from "@/lib/platform/db/client";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import type { PublishedAsset } from "./sermon-upload";
import { updateVersionMedia } from "./update-version-media";

// A retried run may find the sermon already streamable; later stages' statuses are left alone.
const STATUSES_BEFORE_STREAMABLE = ["processing", "streamable"] as const;

/**
 * Opens the sermon to listeners as soon as its master playlist is up (every rendition then
 * has its first segments): the rest of the transcode streams in behind the player. Records
 * the assets already up (the master, and the waveform that precedes it) in the same short
 * transaction. Does nothing when a newer upload replaced this version; returns whether it
 * marked the sermon. Listener pages are invalidated when this step's request ends; until
 * then they read a sermon being prepared live (`lib/catalog/sermons/next-listing-change.ts`).
 */
export async function markStreamable(
  db: Db,
  version: SermonVersion,
  media: { durationMs: number; assets: PublishedAsset[] },
): Promise<boolean> {
  const marked = await db.$transaction((tx) =>
    updateVersionMedia(
      tx,
      version,
      {
        where: { status: { in: [...STATUSES_BEFORE_STREAMABLE] } },
        data: { status: "streamable", durationMs: media.durationMs },
      },
      media.assets,
    ),
  );
  if (marked) await invalidateChurchPages(db, version.churchId);
  return marked;
}
