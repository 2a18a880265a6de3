import { NonRetriableError, RetryAfterError } from "inngest";
import { TranscriptionRejectedError, TranscriptionUnavailableError } from "./transcription-errors";

/**
 * How a failed transcription step should end for Inngest: a rejection is final (retrying
 * cannot help), an outage with a Retry-After waits exactly that long, anything else is
 * rethrown for the function's own backoff.
 */
export function toInngestError(error: unknown): unknown {
  if (error instanceof TranscriptionRejectedError) return new NonRetriableError(error.message, { cause: error });
  if (error instanceof TranscriptionUnavailableError && error.retryAfterMs !== undefined) {
    return new RetryAfterError(error.message, Math.max(1000, error.retryAfterMs), { cause: error });
  }
  return error;
}
