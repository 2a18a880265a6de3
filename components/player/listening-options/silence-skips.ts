/**
 * "Skip silence": which pauses of a sermon the player jumps over, and where to. Pure, so the
 * rules are tested without a browser; silence-skipper.ts applies them to the `<audio>`.
 */

/** A silence from the ingest's silence map (silences.json), in milliseconds of the sermon. */
export interface SilenceInterval {
  startMs: number;
  endMs: number;
}

/** A stretch the player jumps over, in seconds: from `fromSec` to `toSec`. */
export interface PauseSkip {
  fromSec: number;
  toSec: number;
}

/** Only pauses longer than this are skipped: shorter ones are the rhythm of speech. */
export const MIN_SKIPPED_PAUSE_SEC = 0.8;
/**
 * Kept of each pause after the last word and before the next, so no word is clipped and
 * speech still breathes. The map is made in 100 ms steps and a step counts as silent only if
 * all of it is quiet (a word's decay keeps its step loud), so up to 0.1 s more of the real
 * pause is kept at each end. More before the next word, whose soft start (an "s", an "h")
 * may sit under the threshold; the jump itself leaves a little late (a timer's delay), which
 * adds to the first. Together about 0.4 s remain: keeping more would save less than 2.5 s of
 * a 3 s pause.
 */
export const KEPT_AFTER_WORD_SEC = 0.1;
export const KEPT_BEFORE_WORD_SEC = 0.15;
/** A position this close to a skip's end counts as past it (the jump lands just short). */
const LANDED_SEC = 0.05;

/** The skips a silence map allows, in order; anything malformed in it is left out. */
export function pauseSkips(silences: readonly SilenceInterval[]): PauseSkip[] {
  return silences
    .filter(
      ({ startMs, endMs }) =>
        Number.isFinite(startMs) &&
        Number.isFinite(endMs) &&
        startMs >= 0 &&
        (endMs - startMs) / 1000 > MIN_SKIPPED_PAUSE_SEC,
    )
    .map(({ startMs, endMs }) => ({
      fromSec: startMs / 1000 + KEPT_AFTER_WORD_SEC,
      toSec: endMs / 1000 - KEPT_BEFORE_WORD_SEC,
    }))
    .sort((a, b) => a.fromSec - b.fromSec);
}

/** Where to jump to from `timeSec`: the end of the skip it is inside, or null. */
export function skipTargetAt(skips: readonly PauseSkip[], timeSec: number): number | null {
  const skip = skips[lastStartingBy(skips, timeSec)];
  return skip && timeSec < skip.toSec - LANDED_SEC ? skip.toSec : null;
}

/** When, from `timeSec`, the next skip begins (seconds of the sermon), or null. */
export function nextSkipFrom(skips: readonly PauseSkip[], timeSec: number): number | null {
  return skips[lastStartingBy(skips, timeSec) + 1]?.fromSec ?? null;
}

/** The index of the last skip starting at or before `timeSec` (-1 for none): a binary search. */
function lastStartingBy(skips: readonly PauseSkip[], timeSec: number): number {
  let low = 0;
  let high = skips.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (skips[middle]!.fromSec <= timeSec) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
