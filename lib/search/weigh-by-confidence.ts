/**
 * Lowers each fused score by the recogniser's doubt about the moment: confidence 1 (or not
 * measured) keeps its score, confidence 0 loses `penalty` of it, and the rest in proportion.
 * A weight, not a filter: a doubtful moment that matches far better still ranks first, and
 * among near ties the one whose words were heard clearly wins. Re-sorted, ties in input order.
 */
export function weighByConfidence<T extends { id: string; score: number }>(
  hits: readonly T[],
  confidences: ReadonlyMap<string, number | null>,
  penalty: number,
): T[] {
  return hits
    .map((hit, order) => {
      const confidence = confidences.get(hit.id) ?? null;
      const weight = confidence === null ? 1 : 1 - penalty * (1 - clamp(confidence));
      return { hit: { ...hit, score: hit.score * weight }, order };
    })
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .map(({ hit }) => hit);
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
