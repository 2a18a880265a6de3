import type { Store } from "./store";

/** Sliding-window rate limit: true when another run may start under `key`. Records the hit. */
export function takeRateLimit(
  store: Store,
  key: string,
  limit: number,
  periodMs: number,
  now = Date.now(),
): boolean {
  store.run("DELETE FROM rate_hits WHERE key = ? AND at <= ?", key, now - periodMs);
  const count =
    store.get<{ n: number }>("SELECT COUNT(*) AS n FROM rate_hits WHERE key = ?", key)?.n ?? 0;
  if (count >= limit) return false;
  store.run("INSERT INTO rate_hits (key, at) VALUES (?, ?)", key, now);
  return true;
}

/** Claims a dedupe key for `ttlMs`; false when it is already held. */
export function claimKey(store: Store, key: string, ttlMs: number, now = Date.now()): boolean {
  const existing = store.get<{ expires_at: number }>(
    "SELECT expires_at FROM dedupe_keys WHERE key = ?",
    key,
  );
  if (existing && existing.expires_at > now) return false;
  store.run("INSERT OR REPLACE INTO dedupe_keys (key, expires_at) VALUES (?, ?)", key, now + ttlMs);
  return true;
}

/**
 * Throttle as GCRA: `limit` starts per `period`, `burst` of them at once. Returns when this
 * run may start (never drops it) and advances the key's theoretical arrival time.
 */
export function reserveThrottle(
  store: Store,
  key: string,
  limit: number,
  periodMs: number,
  burst: number,
  now = Date.now(),
): number {
  const interval = periodMs / limit;
  const tat =
    store.get<{ tat: number }>("SELECT tat FROM throttle_state WHERE key = ?", key)?.tat ?? now;
  const startAt = Math.max(now, tat - (burst - 1) * interval);
  const nextTat = Math.max(tat, startAt) + interval;
  store.run(
    "INSERT OR REPLACE INTO throttle_state (key, tat) VALUES (?, ?)",
    key,
    Math.round(nextTat),
  );
  return Math.round(startAt);
}
