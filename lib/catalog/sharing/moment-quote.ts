import { segmentIndexAt, type TimedText } from "@/lib/catalog/transcripts/transcript-navigation";

/** A quote long enough to read as a thought: short sentences are joined up to this. */
const MIN_QUOTE_CHARS = 80;
/** …and cut (at a word) past this, to fit a preview card and a link's description. */
const MAX_QUOTE_CHARS = 220;
/** Sentences further apart than this are not one thought. */
const MAX_GAP_MS = 2_000;

/**
 * The words spoken at `seconds`, from the stored transcript, for a moment's preview: the
 * sentence playing then (the one before it in a pause, the first if the moment comes just
 * before it), joined with the next while it is short, cut at a word past MAX_QUOTE_CHARS.
 * Null when there is no transcript.
 */
export function momentQuote(segments: readonly TimedText[], seconds: number): string | null {
  if (segments.length === 0) return null;
  const index = Math.max(0, segmentIndexAt(segments, seconds * 1000));
  let text = segments[index]!.text.trim();
  for (
    let next = index + 1;
    text.length < MIN_QUOTE_CHARS &&
    next < segments.length &&
    segments[next]!.startMs - segments[next - 1]!.endMs <= MAX_GAP_MS;
    next++
  ) {
    text = `${text} ${segments[next]!.text.trim()}`;
  }
  if (text.length <= MAX_QUOTE_CHARS) return text || null;
  const cut = text.slice(0, MAX_QUOTE_CHARS + 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > MAX_QUOTE_CHARS / 2 ? cut.slice(0, atWord) : cut.slice(0, MAX_QUOTE_CHARS)).replace(/[\s,;:–—-]+$/, "")}…`;
}
