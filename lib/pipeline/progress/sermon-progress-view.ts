import { getDb } from "@/lib/platform/db/client";
import type { PipelineStage } from "@/lib/platform/db/generated/prisma/enums";
import { isStopped, STAGES } from "@/lib/pipeline/stages";
import { isPipelineActive, type ProcessingStage, processingStages } from "./processing-stages";

/** What the admin's live processing view shows and polls. */
export interface SermonProgressView {
  id: string;
  status: string;
  mediaVersion: number;
  durationMs: number | null;
  stages: ProcessingStage[];
  /** Keep polling: some stage is running. */
  isActive: boolean;
  /** A stopped pipeline: the stage and its label, why, and whether Retry can help (not for a rejected file). */
  failure: { stage: PipelineStage; label: string; reason: string; canRetry: boolean } | null;
}

/** The sermon's processing view for the admin, always read fresh; null if it is not this church's. */
export async function sermonProgressView(
  churchId: string,
  sermonId: string,
): Promise<SermonProgressView | null> {
  const sermon = await getDb().sermon.findFirst({
    where: { id: sermonId, churchId },
    select: {
      id: true,
      status: true,
      mediaVersion: true,
      durationMs: true,
      failedStage: true,
      failureReason: true,
      transcodePercent: true,
      transcriptionProvider: true,
    },
  });
  if (!sermon) return null;
  const { failedStage, failureReason, transcodePercent, transcriptionProvider, ...rest } = sermon;
  const progress = { status: sermon.status, failedStage, transcodePercent, transcriptionProvider };
  const stage = failedStage ?? "transcode";
  return {
    ...rest,
    stages: processingStages(progress),
    isActive: isPipelineActive(progress),
    failure: isStopped(sermon.status)
      ? {
          stage,
          label: STAGES[stage].label,
          reason: failureReason ?? "Processing failed.",
          canRetry: sermon.status === "failed" && sermon.mediaVersion > 0,
        }
      : null,
  };
}
