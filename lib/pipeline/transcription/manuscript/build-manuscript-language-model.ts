/** What a discounted n-gram keeps of its count for the words never seen after its history. */
const DISCOUNT = 0.5;

/**
 * A trigram language model in ARPA text, from a manuscript's sentences (each a list of spoken
 * tokens), for pocketsphinx's `-lm`: absolute discounting with exact back-off weights, so the
 * recogniser strongly expects the manuscript's word sequences yet can still put its words in
 * another order. Tokens outside `vocabulary` (no pronunciation) are left out.
 */
export function buildManuscriptLanguageModel(
  sentences: readonly (readonly string[])[],
  vocabulary?: ReadonlySet<string>,
): string {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, Map<string, number>>();
  const trigrams = new Map<string, Map<string, number>>();
  const bump = (table: Map<string, Map<string, number>>, history: string, word: string) => {
    const row = table.get(history) ?? new Map<string, number>();
    row.set(word, (row.get(word) ?? 0) + 1);
    table.set(history, row);
  };
  for (const sentence of sentences) {
    const words = sentence.filter((token) => !vocabulary || vocabulary.has(token));
    if (!words.length) continue;
    const padded = ["<s>", ...words, "</s>"];
    for (let i = 0; i < padded.length; i++) {
      const word = padded[i] ?? "";
      unigrams.set(word, (unigrams.get(word) ?? 0) + 1);
      if (i >= 1) bump(bigrams, padded[i - 1] ?? "", word);
      if (i >= 2) bump(trigrams, `${padded[i - 2]} ${padded[i - 1]}`, word);
    }
  }
  if (!unigrams.size)
    throw new Error("The manuscript has no words to build a language model from.");

  const vocabularySize = unigrams.size - 1; // <s> is never predicted
  const total = [...unigrams.entries()]
    .filter(([word]) => word !== "<s>")
    .reduce((sum, [, count]) => sum + count, 0);
  // Add-one unigrams: every manuscript word stays reachable from any history.
  const unigramP = new Map<string, number>();
  for (const [word, count] of unigrams) {
    if (word !== "<s>") unigramP.set(word, (count + 1) / (total + vocabularySize));
  }
  const bigramP = new Map<string, Map<string, number>>();
  const bigramBackoff = new Map<string, number>();
  for (const [history, row] of bigrams) {
    const count = sum(row.values());
    const probabilities = new Map<string, number>();
    for (const [word, c] of row) probabilities.set(word, (c - DISCOUNT) / count);
    bigramP.set(history, probabilities);
    const left = (DISCOUNT * row.size) / count;
    const unseenMass = 1 - sum([...row.keys()].map((word) => unigramP.get(word) ?? 0));
    bigramBackoff.set(history, unseenMass > 0 ? left / unseenMass : 1);
  }
  const trigramLines: string[] = [];
  const trigramBackoff = new Map<string, number>();
  for (const [history, row] of trigrams) {
    const count = sum(row.values());
    const last = history.split(" ")[1] ?? "";
    for (const [word, c] of row) {
      trigramLines.push(`${log10((c - DISCOUNT) / count)} ${history} ${word}`);
    }
    const left = (DISCOUNT * row.size) / count;
    const seen = sum([...row.keys()].map((word) => bigramP.get(last)?.get(word) ?? 0));
    trigramBackoff.set(history, 1 - seen > 0 ? left / (1 - seen) : 1);
  }

  const unigramLines = [...unigrams.keys()].map((word) => {
    const p = word === "<s>" ? "-99" : log10(unigramP.get(word) ?? 0);
    const backoff = bigramBackoff.get(word);
    return backoff === undefined ? `${p} ${word}` : `${p} ${word} ${log10(backoff)}`;
  });
  const bigramLines = [...bigramP.entries()].flatMap(([history, row]) =>
    [...row.entries()].map(([word, p]) => {
      const backoff = trigramBackoff.get(`${history} ${word}`);
      return backoff === undefined
        ? `${log10(p)} ${history} ${word}`
        : `${log10(p)} ${history} ${word} ${log10(backoff)}`;
    }),
  );
  return [
    "\\data\\",
    `ngram 1=${unigramLines.length}`,
    `ngram 2=${bigramLines.length}`,
    `ngram 3=${trigramLines.length}`,
    "",
    "\\1-grams:",
    ...unigramLines,
    "",
    "\\2-grams:",
    ...bigramLines,
    "",
    "\\3-grams:",
    ...trigramLines,
    "",
    "\\end\\",
    "",
  ].join("\n");
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const log10 = (p: number) => Math.log10(Math.max(p, 1e-99)).toFixed(6);
