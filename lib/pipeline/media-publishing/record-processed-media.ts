import { sermonTranscriptionRequested } from "@/lib/pipeline/events/pipeline-events";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { DERIVED_ASSET_KINDS, type PublishedAsset } from "./sermon-upload";
import { updateVersionMedia } from "./update-version-media";

/**
 * Records a finished media stage in one short transaction: the assets (upserted on their
 * key, so a retry does not duplicate them), the duration, the transcode at 100 %, every other
 * derived asset dropped (older versions', and this one's early stand-ins such as a sampled
 * waveform), and `sermon/transcription.requested` in the outbox. Does nothing and returns
 * false when a newer upload replaced this version meanwhile. Invalidates listener pages.
 */
export async function recordProcessedMedia(
  db: Db,
  version: SermonVersion,
  media: { durationMs: number; assets: PublishedAsset[] },
): Promise<boolean> {
  const { sermonId } = version;
  const recorded = await db.$transaction(async (tx) => {
    if (
      !(await updateVersionMedia(
        tx,
        version,
        // The transcode is done: the figure says so even if its last progress write was lost
        // (an uploaded transcript is announced only once it does: markTranscribed).
        { data: { durationMs: media.durationMs, transcodePercent: 100 } },
        media.assets,
      ))
    )
      return false;
    // Normally already streamable; a later stage's status (a retried step) stays as it is.
    await tx.sermon.updateMany({
      where: { id: sermonId, status: "processing" },
      data: { status: "streamable" },
    });
    await tx.mediaAsset.deleteMany({
      where: {
        sermonId,
        kind: { in: DERIVED_ASSET_KINDS },
        key: { notIn: media.assets.map((asset) => asset.key) },
      },
    });
    await publishEvent(tx, sermonTranscriptionRequested.build(version));
    return true;
  });
  if (recorded) await invalidateChurchPages(db, version.churchId);
  return recorded;
}
