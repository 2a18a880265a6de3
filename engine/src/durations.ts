import { InvalidDurationError } from "./errors";

const UNIT_MS: Record<string, number> = {
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

const PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|w|d|h|m|s)/g;

/** Parses Inngest time strings such as "1h30m", "2d" or "500ms" into milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(PART)) {
    if (match.index !== consumed) break;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? 0);
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== trimmed.length) {
    throw new InvalidDurationError(
      `invalid duration "${text}" (expected e.g. "30s", "1h30m", "2d")`,
    );
  }
  return Math.round(total);
}

/**
 * Resolves the target time of a sleep or timeout: the SDK sends either a duration
 * ("1h30m") or an ISO 8601 instant.
 */
export function resolveWakeTime(durationOrInstant: string, now: number): number {
  if (/^\d{4}-\d{2}-\d{2}T/.test(durationOrInstant)) {
    const at = Date.parse(durationOrInstant);
    if (Number.isNaN(at)) throw new InvalidDurationError(`invalid instant "${durationOrInstant}"`);
    return at;
  }
  return now + parseDuration(durationOrInstant);
}
