import { findMediaRejection } from "./is-media-rejection";
import type { PipelineStage } from "@/lib/pipeline/stages";

/** What the admin sees on a failed sermon: "<stage label>: <reason>". */
export interface ProcessingFailure {
  stage: PipelineStage;
  reason: string;
}

const TECHNICAL_DETAIL_CHARS = 300;

/**
 * Turns the error a run ended with into words for the church admin. A rejected upload
 * (MediaRejectedError, possibly wrapped, its cause kept through Inngest's serialisation)
 * already says what is wrong and what to do; anything else exhausted its retries, so the
 * reason says that, with the technical message kept short for whoever investigates.
 */
export function describeProcessingFailure(error: unknown): ProcessingFailure {
  const rejection = findMediaRejection(error);
  if (rejection) return { stage: "audio_check", reason: rejection.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    stage: "transcode",
    reason:
      "We could not prepare this recording for streaming, even after several attempts. " +
      "The file itself may be fine: retry processing, or upload it again if it keeps failing. " +
      `(Technical detail: ${detail.slice(0, TECHNICAL_DETAIL_CHARS)})`,
  };
}
