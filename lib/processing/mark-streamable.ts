import type { Db } from "@/lib/db/client";
import type { SermonMediaVersion } from "./sermon-media-keys";
import type { PublishedAsset } from "./sermon-upload";

// A retried run may find the sermon already streamable; later stages' statuses are left alone.
const STATUSES_BEFORE_STREAMABLE = ["processing", "streamable"] as const;

/**
 * Opens the sermon to listeners as soon as its master playlist is up (every rendition then
 * has its first segments): the rest of the transcode streams in behind the player. Records
 * the assets already up (the master, and the waveform that precedes it) in the same short
 * transaction. Does nothing when a newer upload replaced this version; returns whether it
 * marked the sermon.
 */
export async function markStreamable(
  db: Db,
  version: SermonMediaVersion,
  media: { durationMs: number; assets: PublishedAsset[] },
): Promise<boolean> {
  const { sermonId } = version;
  return db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: {
        id: sermonId,
        churchId: version.churchId,
        mediaVersion: version.mediaVersion,
        status: { in: [...STATUSES_BEFORE_STREAMABLE] },
      },
      data: { status: "streamable", durationMs: media.durationMs },
    });
    if (count === 0) return false;
    for (const { bytes, ...asset } of media.assets) {
      await tx.mediaAsset.upsert({
        where: { sermonId_key: { sermonId, key: asset.key } },
        create: { sermonId, ...asset, bytes: BigInt(bytes) },
        update: { ...asset, bytes: BigInt(bytes) },
      });
    }
    return true;
  });
}
