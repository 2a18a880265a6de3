import type { Db } from "@/lib/platform/db/client";
import { FAILED_STAGE } from "@/lib/pipeline/failed-stage";
import { isFileRejected, isPipelineActive, type ProcessingStage, processingStages } from "./processing-stages";

/** What the admin's live processing view shows and polls. */
export interface SermonProgressView {
  id: string;
  status: string;
  mediaVersion: number;
  durationMs: number | null;
  stages: ProcessingStage[];
  /** Keep polling: some stage is running. */
  isActive: boolean;
  failure: { stage: string; reason: string; canRetry: boolean } | null;
}

export async function sermonProgressView(db: Db, churchId: string, sermonId: string): Promise<SermonProgressView | null> {
  const sermon = await db.sermon.findFirst({
    where: { id: sermonId, churchId },
    select: { id: true, status: true, mediaVersion: true, durationMs: true, failedStage: true, failureReason: true, transcodePercent: true, transcriptionProvider: true },
  });
  if (!sermon) return null;
  const { failedStage, failureReason, transcodePercent, transcriptionProvider, ...rest } = sermon;
  const progress = { status: sermon.status, failedStage, transcodePercent, transcriptionProvider };
  return {
    ...rest,
    stages: processingStages(progress),
    isActive: isPipelineActive(progress),
    failure:
      sermon.status === "failed"
        ? { stage: failedStage ?? FAILED_STAGE.processing, reason: failureReason ?? "Processing failed.", canRetry: sermon.mediaVersion > 0 && !isFileRejected(failedStage) }
        : null,
  };
}
