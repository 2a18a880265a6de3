// WordNet's "morphy" detachment rules: the suffix swaps that turn an inflected form into a
// dictionary form ("worries" → "worry", "anxieties" → "anxiety", "forgiving" → "forgive").
const RULES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ["ies", "y"],
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["s", ""],
  ["es", "e"],
  ["es", ""],
  ["ied", "y"],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["er", ""],
  ["est", ""],
  ["er", "e"],
  ["est", "e"],
];

/**
 * The first dictionary form of `word` the lexicon knows: the word itself, its irregular base
 * ("children" → "child", "fled" → "flee") or a regular one. Undefined when none is known.
 */
export function baseForm(
  word: string,
  known: (form: string) => boolean,
  exceptions: Record<string, string[]>,
): string | undefined {
  if (known(word)) return word;
  for (const base of exceptions[word] ?? []) if (known(base)) return base;
  for (const [suffix, replacement] of RULES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const base = word.slice(0, word.length - suffix.length) + replacement;
    if (known(base)) return base;
    // "stopped" → "stopp" → "stop"
    if (/(.)\1$/.test(base) && known(base.slice(0, -1))) return base.slice(0, -1);
  }
  return undefined;
}
