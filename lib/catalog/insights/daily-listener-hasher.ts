import { createHmac, randomBytes } from "node:crypto";
import { utcDay } from "./utc-day";

/** Who is asking, as far as one request tells: used for the hash, then forgotten. */
export interface RequestOrigin {
  address: string | null;
  userAgent: string | null;
}

/**
 * Counts unique listeners without knowing who they are: an HMAC of the client's address and
 * user agent (and what is counted: a church, a download) under a secret made at random for
 * the current UTC day and held only in this process's memory. When the day changes the secret
 * is replaced and the old one is gone, so yesterday's hashes can no longer be recomputed from
 * an address, nor linked to today's. (A restart also makes a new secret: a listener that day
 * may then count twice, which only errs towards more.) The address and the user agent are
 * never stored, only this hash.
 */
export function createDailyListenerHasher(now: () => Date = () => new Date()) {
  let day = -1;
  let secret = Buffer.alloc(0);
  const seen = new Set<string>();

  const currentSecret = () => {
    const today = utcDay(now()).getTime();
    if (today !== day) {
      day = today;
      secret = randomBytes(32);
      seen.clear();
    }
    return secret;
  };

  const hash = (origin: RequestOrigin, scope: string) =>
    createHmac("sha256", currentSecret())
      .update(`${origin.address ?? "-"}\n${origin.userAgent ?? "-"}\n${scope}`)
      .digest("base64url")
      .slice(0, 22);

  return {
    /** This origin's hash for today within `scope` (e.g. `church:<id>`). */
    hash,
    /**
     * True the first time today this origin is seen within `scope`, false after: a repeated
     * request counted once. Forgotten with the day's secret (at most `maxRemembered` kept).
     */
    firstToday(origin: RequestOrigin, scope: string, maxRemembered = 200_000): boolean {
      const key = hash(origin, scope);
      if (seen.has(key)) return false;
      if (seen.size >= maxRemembered) seen.clear();
      seen.add(key);
      return true;
    },
  };
}

export type DailyListenerHasher = ReturnType<typeof createDailyListenerHasher>;

const globalForHasher = globalThis as unknown as { selahListenerHasher?: DailyListenerHasher };

/** This process's hasher (one secret a day for the web process). */
export function processListenerHasher(): DailyListenerHasher {
  globalForHasher.selahListenerHasher ??= createDailyListenerHasher();
  return globalForHasher.selahListenerHasher;
}
