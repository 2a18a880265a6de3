import { spellOutNumbers } from "../spell-out-numbers";

// The same few thousand words recur across the Bible and every transcript; the number
// parser's pattern is slow enough that indexing a translation spent most of its time in it.
const known = new Map<string, string>();
const MAX_KNOWN = 200_000;

/**
 * A word as the matcher compares it: lower case, apostrophes and punctuation gone, a number
 * as digits whichever way it was written ("Seven," → "7", "twenty-one" → "21"). Empty for
 * punctuation alone.
 */
export function normaliseWord(text: string): string {
  let normal = known.get(text);
  if (normal === undefined) {
    normal = spellOutNumbers(text.toLowerCase())
      .replace(/['’]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "");
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(text, normal);
  }
  return normal;
}
