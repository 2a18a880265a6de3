/** Graded relevance of each moment id (absent = 0). */
export type Judgements = ReadonlyMap<string, number>;

const CUTOFF = 10;

/** nDCG@10 with gains 2^grade − 1, against the ideal ordering of every judged moment. */
export function ndcgAt10(ranked: readonly string[], judgements: Judgements): number {
  const dcg = (grades: number[]) =>
    grades.slice(0, CUTOFF).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...judgements.values()].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => judgements.get(id) ?? 0)) / ideal;
}

/** Share of the judged moments found in the first 10. */
export function recallAt10(ranked: readonly string[], judgements: Judgements): number {
  const relevant = [...judgements].filter(([, grade]) => grade > 0).length;
  const found = ranked.slice(0, CUTOFF).filter((id) => (judgements.get(id) ?? 0) > 0).length;
  return relevant === 0 ? 0 : found / relevant;
}

/** 1 / rank of the first judged moment within the first 10 (0 when none). */
export function reciprocalRank(ranked: readonly string[], judgements: Judgements): number {
  const index = ranked.slice(0, CUTOFF).findIndex((id) => (judgements.get(id) ?? 0) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}
