import type { Db } from "@/lib/db/client";
import type { SermonMediaVersion } from "./sermon-media-keys";

export interface StreamableMaster {
  key: string;
  bytes: number;
  durationMs: number;
}

// A retried run may find the sermon already streamable; later stages' statuses are left alone.
const STATUSES_BEFORE_STREAMABLE = ["processing", "streamable"] as const;

/**
 * Opens the sermon to listeners as soon as its master playlist is up (every rendition then
 * has its first segments): the rest of the transcode streams in behind the player. Does
 * nothing when a newer upload replaced this version. Returns whether it marked the sermon.
 */
export async function markStreamable(
  db: Db,
  version: SermonMediaVersion,
  master: StreamableMaster,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: {
        id: version.sermonId,
        churchId: version.churchId,
        mediaVersion: version.mediaVersion,
        status: { in: [...STATUSES_BEFORE_STREAMABLE] },
      },
      data: { status: "streamable", durationMs: master.durationMs },
    });
    if (count === 0) return false;
    await tx.mediaAsset.upsert({
      where: { sermonId_key: { sermonId: version.sermonId, key: master.key } },
      create: {
        sermonId: version.sermonId,
        kind: "master_playlist",
        key: master.key,
        contentType: "application/vnd.apple.mpegurl",
        bytes: BigInt(master.bytes),
        durationMs: master.durationMs,
      },
      update: { bytes: BigInt(master.bytes), durationMs: master.durationMs },
    });
    return true;
  });
}
