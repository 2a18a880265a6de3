import {
  retryEventId,
  sermonTranscribed,
  sermonTranscriptionRequested,
  sermonUploaded,
  type PipelineEvent,
} from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import type { InFlightStatus } from "@/lib/pipeline/stages";

/** A sermon waiting at the start of a stage: the status that stage's event moves it from. */
export interface SermonAtStage {
  id: string;
  churchId: string;
  mediaVersion: number;
  status: InFlightStatus;
}

/** The event that starts the stage the sermon is waiting for, as first published (no retry suffix). */
export async function stageEvent(
  db: Db,
  sermon: SermonAtStage,
): Promise<PipelineEvent | { reason: string }> {
  const keys = {
    sermonId: sermon.id,
    churchId: sermon.churchId,
    mediaVersion: sermon.mediaVersion,
  };
  switch (sermon.status) {
    case "processing": {
      // The object key is only in the original event: rebuild it from the outbox row.
      const original = await db.outbox.findUnique({
        where: { eventId: sermonUploaded.baseIdOf({ ...keys, objectKey: "-" }) },
      });
      const objectKey = (original?.payload as { objectKey?: unknown } | null)?.objectKey;
      if (typeof objectKey !== "string")
        return { reason: "its sermon/uploaded event is not in the outbox" };
      return sermonUploaded.build({ ...keys, objectKey });
    }
    case "streamable":
      return sermonTranscriptionRequested.build(keys);
    case "transcribed": {
      const transcript = await db.transcript.findFirst({
        where: { sermonId: sermon.id, isCurrent: true },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      if (!transcript) return { reason: "it has no current transcript" };
      return sermonTranscribed.build({ ...keys, transcriptId: transcript.id });
    }
  }
}

/**
 * How many deliberate re-sends of `event` the outbox already holds (sweeps, admin retries, a
 * transcript announced again: `confirmTranscribed`).
 */
export function countResends(db: Pick<Db, "outbox">, event: PipelineEvent): Promise<number> {
  return db.outbox.count({
    where: { eventId: { startsWith: retryEventId(event.id, 0).slice(0, -1) } },
  });
}
