/** The timing of a transcript segment, all the panel's navigation needs. */
export interface TimedText {
  startMs: number;
  endMs: number;
  text: string;
}

/**
 * The segment playing at `ms`: the last one that started at or before it (so a pause between
 * sentences keeps the previous one lit), or -1 before the first. Binary search: this runs on
 * every timeupdate of an hour-long transcript.
 */
export function segmentIndexAt(segments: readonly TimedText[], ms: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((segments[middle]?.startMs ?? Infinity) <= ms) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

const normalise = (text: string) => text.toLocaleLowerCase();

/** Indexes of the segments containing `query` (case-insensitive); none for a blank query. */
export function findHits(segments: readonly TimedText[], query: string): number[] {
  const needle = normalise(query.trim());
  if (!needle) return [];
  return segments.flatMap((segment, index) =>
    normalise(segment.text).includes(needle) ? [index] : [],
  );
}

/** `text` cut into plain and matching parts, for <mark>ing every occurrence of `query`. */
export function highlightParts(text: string, query: string): { text: string; isHit: boolean }[] {
  const needle = normalise(query.trim());
  if (!needle) return [{ text, isHit: false }];
  const haystack = normalise(text);
  const parts: { text: string; isHit: boolean }[] = [];
  let from = 0;
  for (
    let at = haystack.indexOf(needle);
    at !== -1;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    if (at > from) parts.push({ text: text.slice(from, at), isHit: false });
    parts.push({ text: text.slice(at, at + needle.length), isHit: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), isHit: false });
  return parts;
}

/** The next (step 1) or previous (step -1) hit after `current`, wrapping around. */
export function stepHit(hitCount: number, current: number, step: 1 | -1): number {
  if (hitCount === 0) return -1;
  if (current < 0) return step === 1 ? 0 : hitCount - 1;
  return (current + step + hitCount) % hitCount;
}

/** The page's URL with `?t=<whole seconds>` (other parameters kept, any hash dropped). */
export function momentUrl(pageUrl: string, seconds: number): string {
  const url = new URL(pageUrl);
  url.hash = "";
  url.searchParams.set("t", String(Math.max(0, Math.floor(seconds))));
  return url.toString();
}
