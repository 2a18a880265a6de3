/**
 * The upload is not usable audio. Retrying cannot help, so the pipeline wraps this in
 * Inngest's NonRetriableError; `message` is written for the church admin who uploaded it.
 */
export class MediaRejectedError extends Error {
  override readonly name = "MediaRejectedError";

  constructor(
    message: string,
    /** Stable machine-readable reason, for metrics and the admin UI. */
    readonly reason:
      | "empty-file"
      | "unreadable"
      | "unsupported-format"
      | "no-audio"
      | "unknown-duration"
      | "too-short"
      | "too-long"
      | "truncated"
      | "silent",
  ) {
    super(message);
  }
}
