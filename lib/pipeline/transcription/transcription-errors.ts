import { AppError } from "@/lib/platform/errors/app-error";
/**
 * The provider refused this audio or this configuration (bad key, unsupported audio, no
 * credit): trying again cannot help. The message is meant for the church admin.
 */
export class TranscriptionRejectedError extends AppError {
  override name = "TranscriptionRejectedError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("transcription_rejected", message, { cause: options?.cause });
  }
}

/** The provider is busy, down or slow: worth another attempt, after `retryAfterMs` if it said. */
export class TranscriptionUnavailableError extends AppError {
  override name = "TranscriptionUnavailableError";
  constructor(message: string, retryAfterMs?: number, options?: { cause?: unknown }) {
    super("unavailable", message, { retryAfterMs, cause: options?.cause });
  }
}
