// A light English suffix stripper (a subset of Porter's step 1 plus common derivational
// endings). The local embedder only needs "forgiving", "forgiven" and "forgives" to land on
// one feature; exactness matters less because character n-grams cover the rest.

const VOWEL = /[aeiouy]/;
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ["fulness", "ful"],
  ["iveness", "ive"],
  ["ousness", "ous"],
  ["ational", "ate"],
  ["ization", "ize"],
  ["nesses", ""],
  ["ments", ""],
  ["ness", ""],
  ["ment", ""],
  ["ings", ""],
  ["ing", ""],
  ["ies", "y"],
  ["ied", "y"],
  ["edly", ""],
  ["ly", ""],
  ["ed", ""],
  ["es", "e"],
  ["en", ""],
  ["s", ""],
];

export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    // Keep short words whole ("bring", "ten"): a stem needs a vowel and some length.
    if (stem.length < 3 || !VOWEL.test(stem)) return word;
    return undouble(stem) + replacement;
  }
  return word;
}

/** "running" → "runn" → "run"; but "kiss" or "fall" keep their pair. */
function undouble(stem: string): string {
  const last = stem.at(-1);
  if (last && last === stem.at(-2) && !"lsz".includes(last)) return stem.slice(0, -1);
  return stem;
}
