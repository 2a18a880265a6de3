import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { Db } from "@/lib/platform/db/client";
import type { SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
import { AppError } from "@/lib/platform/errors/app-error";
import { describeStageFailure, isStopped } from "@/lib/pipeline/stages";
import { processingStages, type SermonProgress } from "./processing-stages";

export interface ProcessingOutcome {
  status: SermonStatus;
  /** "Audio check: …" when the pipeline stopped, as the admin's page words it; null when searchable. */
  failure: string | null;
}

interface FollowOptions {
  /** Each new line of the processing view's running stage ("Making it streamable 40%"). */
  onProgress?: (line: string) => void;
  /** Called once when nothing has changed for `quietMs`: is the pipeline running at all? */
  onQuiet?: (quietMs: number) => void;
  quietMs?: number;
  pollMs?: number;
}

/**
 * Follows a sermon through the pipeline, reading the database as the admin's processing view
 * does, until it is searchable or has stopped (failed or rejected). Waits as long as it takes.
 */
export async function followSermonProcessing(
  db: Db,
  ref: SermonRef,
  { onProgress, onQuiet, quietMs = 60_000, pollMs = 1000 }: FollowOptions = {},
): Promise<ProcessingOutcome> {
  let shown = "";
  let changedAt = Date.now();
  let isQuietReported = false;
  for (;;) {
    const sermon = await db.sermon.findFirst({
      where: { id: ref.sermonId, churchId: ref.churchId },
      select: {
        status: true,
        failedStage: true,
        failureReason: true,
        transcodePercent: true,
        transcriptionProvider: true,
      },
    });
    if (!sermon) throw AppError.notFound("The sermon was deleted while it was being processed.");
    if (sermon.status === "searchable") return { status: sermon.status, failure: null };
    if (isStopped(sermon.status))
      return {
        status: sermon.status,
        failure: describeStageFailure(
          sermon.failedStage ?? "transcode",
          sermon.failureReason ?? "Processing failed.",
        ),
      };
    const line = progressLine(sermon);
    if (line !== shown) {
      onProgress?.(line);
      shown = line;
      changedAt = Date.now();
    } else if (!isQuietReported && Date.now() - changedAt >= quietMs) {
      onQuiet?.(quietMs);
      isQuietReported = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** "streamable: Transcribing", or with the transcode's figure and what it means. */
function progressLine(sermon: SermonProgress): string {
  const running = processingStages(sermon).find((stage) => stage.state === "running");
  if (!running) return `${sermon.status}: waiting to start`;
  const percent = running.percent === undefined ? "" : ` ${running.percent}%`;
  const detail = running.detail ? ` (${running.detail})` : "";
  return `${sermon.status}: ${running.label}${percent}${detail}`;
}
