export type Ranking = { ids: readonly string[]; weight: number };

/**
 * Reciprocal rank fusion: each list adds weight / (k + rank) for every id it holds (rank
 * from 1). Rank-based, so BM25-ish text scores and cosine distances need no calibration
 * against each other. Ties keep the order of first appearance, which is deterministic.
 */
export function fuseRanks(
  rankings: readonly Ranking[],
  k: number,
): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of rankings) {
    ids.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
