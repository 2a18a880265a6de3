/** Inngest's default retry delays, indexed by the attempt that just failed (0-based). */
const DELAYS_MS = [15, 30, 60, 120, 300, 600, 1200, 2400, 3600, 7200].map((s) => s * 1000);
const JITTER_MS = 30_000;

/** Delay before the next attempt; `scale` shrinks it for tests (ENGINE_BACKOFF_SCALE). */
export function retryDelayMs(failedAttempt: number, scale: number, random = Math.random): number {
  const base = DELAYS_MS[Math.min(failedAttempt, DELAYS_MS.length - 1)] ?? 7200_000;
  return Math.round((base + random() * JITTER_MS) * scale);
}
