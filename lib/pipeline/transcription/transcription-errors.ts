/**
 * The provider refused this audio or this configuration (bad key, unsupported audio, no
 * credit): trying again cannot help. The message is meant for the church admin.
 */
export class TranscriptionRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TranscriptionRejectedError";
  }
}

/** The provider is busy, down or slow: worth another attempt, after `retryAfterMs` if it said. */
export class TranscriptionUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TranscriptionUnavailableError";
  }
}
