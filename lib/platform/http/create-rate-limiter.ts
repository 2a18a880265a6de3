/** How often one subject may act: `burst` at once, then one more every `refillMs`. */
export interface RateLimit {
  burst: number;
  refillMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MAX_SUBJECTS = 100_000;

/**
 * A token bucket per subject (a listener, an address), in this process's memory: one web
 * process, and a restart forgets it, which only ever lets a few more requests through.
 * `now` is read on every call, so tests can move the clock.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (subject: string, at: number) => {
    const bucket = buckets.get(subject);
    if (!bucket) return limit.burst;
    return Math.min(limit.burst, bucket.tokens + (at - bucket.at) / limit.refillMs);
  };

  return {
    take(subject: string): RateVerdict {
      const at = now();
      const tokens = refilled(subject, at);
      if (tokens < 1)
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * limit.refillMs) / 1000)),
        };
      if (buckets.size >= MAX_SUBJECTS && !buckets.has(subject)) {
        // Full buckets carry no information: forget those first, then the oldest.
        for (const [key, bucket] of buckets)
          if (bucket.tokens + (at - bucket.at) / limit.refillMs >= limit.burst) buckets.delete(key);
        if (buckets.size >= MAX_SUBJECTS) buckets.delete(buckets.keys().next().value!);
      }
      buckets.delete(subject);
      buckets.set(subject, { tokens: tokens - 1, at });
      return { allowed: true };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
