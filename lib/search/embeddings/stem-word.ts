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
  return dropFinalE(stripSuffix(word));
}

/** "forgive" and "forgiving" meet at "forgiv"; short words ("one", "see") keep theirs. */
const dropFinalE = (stem: string): string =>
  stem.length > 3 && stem.endsWith("e") ? stem.slice(0, -1) : stem;

function stripSuffix(word: string): string {
  if (word.length <= 3) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    // "kiss", "jesus", "genesis": a final s that is no plural.
    if (suffix === "s" && /(ss|us|is)$/.test(word)) return word;
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
