import { retryEventId } from "@/lib/pipeline/events/pipeline-events";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { STAGES } from "@/lib/pipeline/stages";
import { countResends, type SermonAtStage, stageEvent } from "./stage-event";

/** Why a retry cannot start; the message is for the admin, the status for an HTTP answer. */
export class RetryRefusedError extends AppError {
  override name = "RetryRefusedError";
  constructor(message: string, status = 409) {
    super("retry_refused", message, { status });
  }
}

/**
 * Starts a failed sermon's pipeline again at the stage that failed: its status goes back to
 * what that stage starts from and the stage's event is re-sent through the outbox under a
 * fresh retry id (the original id was already run). Earlier stages' work is kept.
 */
export async function retryFailedSermon(
  db: Db,
  churchId: string,
  sermonId: string,
): Promise<{ eventId: string; status: SermonAtStage["status"] }> {
  const sermon = await db.sermon.findFirst({
    where: { id: sermonId, churchId },
    select: { id: true, churchId: true, status: true, mediaVersion: true, failedStage: true },
  });
  if (!sermon) throw new RetryRefusedError("No such sermon in this church.", 404);
  if (sermon.status === "rejected")
    throw new RetryRefusedError(
      "This recording cannot be used, so retrying would fail again: upload another file.",
    );
  if (sermon.status !== "failed")
    throw new RetryRefusedError("Only a sermon whose processing failed can be retried.");
  if (sermon.mediaVersion === 0)
    throw new RetryRefusedError("This sermon has no uploaded recording yet: upload one.");

  const resumeFrom = STAGES[sermon.failedStage ?? "transcode"].runsIn;
  // A sermon fails at upload only through a test or a hand edit; it resumes at processing.
  const status = resumeFrom === "uploading" ? "processing" : resumeFrom;
  const event = await stageEvent(db, { ...sermon, status });
  if ("reason" in event)
    throw new RetryRefusedError(
      `Processing cannot be restarted because ${event.reason}: upload the recording again.`,
    );
  const retry = { ...event, id: retryEventId(event.id, (await countResends(db, event)) + 1) };

  await db.$transaction(async (tx) => {
    // Guarded: a second click, or a new upload meanwhile, finds the sermon no longer failed.
    const { count } = await tx.sermon.updateMany({
      where: { id: sermon.id, status: "failed", mediaVersion: sermon.mediaVersion },
      data: {
        status,
        failedStage: null,
        failureReason: null,
        ...(status === "processing" ? { transcodePercent: null } : {}),
      },
    });
    if (count === 0) throw new RetryRefusedError("The sermon changed meanwhile; reload the page.");
    await publishEvent(tx, retry);
  });
  // A retried transcode makes the sermon one being prepared, which listener pages read live.
  await invalidateChurchPages(db, churchId);
  return { eventId: retry.id, status };
}
