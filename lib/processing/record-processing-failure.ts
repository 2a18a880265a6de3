import { sermonFailed } from "@/inngest/events";
import type { Db } from "@/lib/db/client";
import { publishEvent } from "@/lib/events/publish-event";
import type { ProcessingFailure } from "./processing-failure";
import type { SermonMediaVersion } from "./sermon-media-keys";

/**
 * Shows the admin what broke: status failed with the stage and a readable reason, and
 * `sermon/failed` in the outbox. A failure of a version a newer upload replaced is ignored.
 */
export async function recordProcessingFailure(
  db: Db,
  version: SermonMediaVersion,
  failure: ProcessingFailure,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: {
        id: version.sermonId,
        churchId: version.churchId,
        mediaVersion: version.mediaVersion,
      },
      data: { status: "failed", failedStage: failure.stage, failureReason: failure.reason },
    });
    if (count === 0) return false;
    await publishEvent(tx, sermonFailed.build({ ...version, ...failure }));
    return true;
  });
}
