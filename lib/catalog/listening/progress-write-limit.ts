import { AppError } from "@/lib/platform/errors/app-error";
import { createRateLimiter } from "@/lib/platform/http/create-rate-limiter";

/**
 * Saved positions per listener: the player writes every 15 s and on pause and leaving, so a
 * burst of 5 and one a second more is room for seeking around, never a write per timeupdate.
 */
const progressWrites = createRateLimiter({ burst: 5, refillMs: 1000 });

/** Counts one write of this listener's progress, or refuses it: 429 with Retry-After. */
export function takeProgressWrite(listenerId: string): void {
  const verdict = progressWrites.take(listenerId);
  if (!verdict.allowed)
    throw new AppError(
      "rate_limited",
      `Progress is saved at most once a second. Wait ${verdict.retryAfterSeconds} s and send it again.`,
      { retryAfterMs: verdict.retryAfterSeconds * 1000 },
    );
}
