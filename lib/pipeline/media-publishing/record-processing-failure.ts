import { sermonFailed } from "@/lib/pipeline/events/pipeline-events";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { ProcessingFailure } from "./processing-failure";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

/**
 * Shows the admin what broke: status failed (or rejected, when the audio check found the file
 * unusable) with the stage and a readable reason, and
 * `sermon/failed` in the outbox. A failure of a version a newer upload replaced is ignored.
 * Listener pages are invalidated: they read a sermon live only while it is being prepared.
 */
export async function recordProcessingFailure(
  db: Db,
  version: SermonVersion,
  failure: ProcessingFailure,
): Promise<boolean> {
  const recorded = await db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: {
        id: version.sermonId,
        churchId: version.churchId,
        mediaVersion: version.mediaVersion,
      },
      data: {
        status: failure.stage === "audio_check" ? "rejected" : "failed",
        failedStage: failure.stage,
        failureReason: failure.reason,
      },
    });
    if (count === 0) return false;
    await publishEvent(tx, sermonFailed.build({ ...version, ...failure }));
    return true;
  });
  if (recorded) await invalidateChurchPages(db, version.churchId);
  return recorded;
}
