import { z } from "zod";
import { retryEventId, sermonFailed } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { countResends, type SermonAtStage, stageEvent } from "./stage-event";
import {
  IN_FLIGHT_STATUSES,
  type PipelineStage,
  STAGE_RUNNING_IN,
  STAGES,
} from "@/lib/pipeline/stages";

export const stuckSweepEnvSchema = z.object({
  SERMON_STUCK_AFTER_MINUTES: z.coerce
    .number({ message: "expected a number of minutes" })
    .int()
    .min(1)
    .max(10_080)
    .default(120),
  SERMON_STUCK_MAX_RESENDS: z.coerce
    .number({ message: "expected a whole number" })
    .int()
    .min(0)
    .max(100)
    .default(3),
});

export type StuckSweepOptions = {
  stuckAfterMs: number;
  maxResends: number;
  now?: Date;
  limit?: number;
};

export type StuckSweepResult = {
  /** Sermons whose stage event was published again, with the new event id. */
  republished: { sermonId: string; eventId: string }[];
  /** Sermons that stayed stuck after `maxResends` re-sends: now failed. */
  failed: string[];
  /** Stuck sermons whose event cannot be rebuilt (its original event or transcript is gone). */
  skipped: { sermonId: string; reason: string }[];
};

type Stuck = SermonAtStage & { updatedAt: Date };

/**
 * Finds sermons that have sat in a processing state for longer than `stuckAfterMs` (their run
 * died, or its event never produced one) and publishes the event that starts their stage again,
 * through the outbox. The re-send's id is the stage event's id plus `:retry-<n>`, so two sweeps
 * that race agree on one event. After `maxResends` re-sends the sermon is marked failed instead.
 * `uploading` is not swept: no event exists until the browser completes the upload.
 */
export async function republishStuckSermons(
  db: Db,
  options: StuckSweepOptions,
): Promise<StuckSweepResult> {
  const now = options.now ?? new Date();
  const stuck: Stuck[] = (await db.sermon.findMany({
    where: {
      status: { in: [...IN_FLIGHT_STATUSES] },
      mediaVersion: { gt: 0 },
      updatedAt: { lt: new Date(now.getTime() - options.stuckAfterMs) },
      // A sermon whose admin will upload captions waits for people, not for the pipeline.
      // (Spelled out: NOT over a nullable column would also drop every NULL provider.)
      OR: [
        { status: { not: "streamable" } },
        { transcriptionProvider: null },
        { transcriptionProvider: { not: "provided" } },
      ],
    },
    select: { id: true, churchId: true, status: true, mediaVersion: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: options.limit ?? 100,
  })) as Stuck[];
  const result: StuckSweepResult = { republished: [], failed: [], skipped: [] };
  for (const sermon of stuck) {
    const event = await stageEvent(db, sermon);
    if ("reason" in event) {
      result.skipped.push({ sermonId: sermon.id, reason: event.reason });
      continue;
    }
    const resends = await countResends(db, event);
    const failure =
      resends >= options.maxResends ? failureOf(sermon, resends, options.stuckAfterMs) : undefined;
    // One short transaction per sermon; the updatedAt guard skips a sermon that moved meanwhile
    // and restarts its clock, so the next sweep waits a full period again.
    await db.$transaction(async (tx) => {
      const { count } = await tx.sermon.updateMany({
        where: {
          id: sermon.id,
          status: sermon.status,
          mediaVersion: sermon.mediaVersion,
          updatedAt: sermon.updatedAt,
        },
        data: failure
          ? { status: "failed", failedStage: failure.stage, failureReason: failure.reason }
          : { updatedAt: now },
      });
      if (count === 0) return;
      if (failure) {
        await publishEvent(
          tx,
          sermonFailed.build({
            sermonId: sermon.id,
            churchId: sermon.churchId,
            mediaVersion: sermon.mediaVersion,
            ...failure,
          }),
        );
        result.failed.push(sermon.id);
        return;
      }
      const retry = { ...event, id: retryEventId(event.id, resends + 1) };
      await publishEvent(tx, retry);
      result.republished.push({ sermonId: sermon.id, eventId: retry.id });
    });
  }
  return result;
}

function failureOf(
  sermon: Stuck,
  resends: number,
  stuckAfterMs: number,
): { stage: PipelineStage; reason: string } {
  const stage = STAGE_RUNNING_IN[sermon.status];
  const minutes = Math.round(stuckAfterMs / 60_000);
  return {
    stage,
    reason: `${STAGES[stage].label} stopped making progress: no change for over ${minutes} minutes, even after ${resends} automatic restarts. Retry processing, or upload the recording again.`,
  };
}
