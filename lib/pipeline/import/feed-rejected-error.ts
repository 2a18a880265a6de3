import { AppError } from "@/lib/platform/errors/app-error";

/** A feed Selah cannot read as a podcast feed (malformed XML, not RSS or Atom), with why. */
export class FeedRejectedError extends AppError {
  override name = "FeedRejectedError";
  constructor(message: string) {
    super("feed_rejected", message);
  }
}
