/**
 * The full-text queries to try in turn, strictest first, from websearch_to_tsquery's output
 * (e.g. `'forgiv' & 'hurt' & 'someon'`):
 *   1. every word (the websearch query itself);
 *   2. at least two of the words (any pair ANDed), for three words or more;
 *   3. any word.
 * A sentence-long question rarely has a moment with every word, so later tiers fill in; and
 * since a tier runs only while the earlier ones found too few, a broad OR over a large corpus
 * (thousands of rows to rank) is the last resort, not the rule. A query using websearch
 * syntax (quotes, OR, -word) is taken as written: only tier 1, plus "any word" unless it
 * excludes something.
 */
export function fullTextTiers(strict: string): string[] {
  if (!strict.trim()) return [];
  const isPlainAnd = !/[|!<]/.test(strict);
  const terms = [...strict.matchAll(/'((?:[^']|'')+)'/g)].map((match) => `'${match[1]}'`);
  if (!isPlainAnd)
    return strict.includes("!") ? [strict] : [strict, strict.replaceAll(" & ", " | ")];
  const unique = [...new Set(terms)];
  if (unique.length <= 1) return [strict];
  const any = unique.join(" | ");
  if (unique.length === 2) return [strict, any];
  const pairs: string[] = [];
  unique.forEach((a, i) => unique.slice(i + 1).forEach((b) => pairs.push(`(${a} & ${b})`)));
  return [strict, pairs.join(" | "), any];
}
