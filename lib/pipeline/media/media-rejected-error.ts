import { AppError } from "@/lib/platform/errors/app-error";
/**
 * The upload is not usable audio. Retrying cannot help (an AppError that is not retriable, so
 * the run ends at once); `message` is written for the church admin who uploaded it.
 */
export class MediaRejectedError extends AppError {
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
    super("media_rejected", message);
  }
}
