import { AppError } from "@/lib/platform/errors/app-error";
import { createRateLimiter } from "@/lib/platform/http/create-rate-limiter";

/**
 * New bookmarks per listener: a person marks a moment every few seconds at most, so a burst of
 * 10 and one every 2 s after that never gets in their way, and a loop posting thousands is
 * slowed to a trickle long before the caps (BOOKMARK_LIMITS) are reached.
 */
const bookmarkWrites = createRateLimiter({ burst: 10, refillMs: 2000 });

/** Counts one new bookmark of this listener's, or refuses it: 429 with Retry-After. */
export function takeBookmarkWrite(listenerId: string): void {
  const verdict = bookmarkWrites.take(listenerId);
  if (!verdict.allowed)
    throw new AppError(
      "rate_limited",
      `That is a lot of bookmarks at once. Wait ${verdict.retryAfterSeconds} s and add it again.`,
      { retryAfterMs: verdict.retryAfterSeconds * 1000 },
    );
}
