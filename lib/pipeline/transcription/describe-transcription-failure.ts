import type { ProcessingFailure } from "@/lib/pipeline/media-publishing/processing-failure";

const TECHNICAL_DETAIL_CHARS = 300;

/**
 * The admin's view of a failed transcription. A rejection (bad key, unsupported audio)
 * already says what to fix; anything else ran out of retries against a provider outage.
 */
export function describeTranscriptionFailure(error: {
  message: string;
  name?: string;
}): ProcessingFailure {
  const detail = error.message.slice(0, TECHNICAL_DETAIL_CHARS);
  if (
    /refused the request|not configured|not installed|no processed audio|Invalid environment/.test(
      error.message,
    )
  ) {
    return {
      stage: "transcribe",
      reason: `${detail} The sermon still plays; fix this and retry transcription, or upload captions.`,
    };
  }
  return {
    stage: "transcribe",
    reason:
      "The sermon plays, but we could not transcribe it even after several attempts. Retry transcription " +
      `later, or upload a caption file. (Technical detail: ${detail})`,
  };
}
