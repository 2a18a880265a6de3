import { sermonTranscriptionRequested } from "@/inngest/events";
import type { Db } from "@/lib/db/client";
import { publishEvent } from "@/lib/events/publish-event";
import { sermonVersionPrefix, type SermonMediaVersion } from "./sermon-media-keys";
import { DERIVED_ASSET_KINDS, type PublishedAsset } from "./sermon-upload";

/**
 * Records a finished media stage in one short transaction: the assets (upserted on their
 * key, so a retry does not duplicate them), the duration, the older versions' derived assets
 * dropped, and `sermon/transcription.requested` in the outbox. Does nothing and returns
 * false when a newer upload replaced this version meanwhile.
 */
export async function recordProcessedMedia(
  db: Db,
  version: SermonMediaVersion,
  media: { durationMs: number; assets: PublishedAsset[] },
): Promise<boolean> {
  const { sermonId } = version;
  return db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: { id: sermonId, churchId: version.churchId, mediaVersion: version.mediaVersion },
      data: { durationMs: media.durationMs },
    });
    if (count === 0) return false;
    // Normally already streamable; a later stage's status (a retried step) stays as it is.
    await tx.sermon.updateMany({
      where: { id: sermonId, status: "processing" },
      data: { status: "streamable" },
    });
    for (const { bytes, ...asset } of media.assets) {
      await tx.mediaAsset.upsert({
        where: { sermonId_key: { sermonId, key: asset.key } },
        create: { sermonId, ...asset, bytes: BigInt(bytes) },
        update: { ...asset, bytes: BigInt(bytes) },
      });
    }
    await tx.mediaAsset.deleteMany({
      where: {
        sermonId,
        kind: { in: DERIVED_ASSET_KINDS },
        NOT: { key: { startsWith: `${sermonVersionPrefix(version)}/` } },
      },
    });
    await publishEvent(tx, sermonTranscriptionRequested.build(version));
    return true;
  });
}
