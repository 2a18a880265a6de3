/** Boundaries found against the true ones, matched one to one within a tolerance. */
export interface BoundaryScore {
  truePositives: number;
  found: number;
  expected: number;
}

/**
 * Counts found boundaries that start within `toleranceMs` of a true one, each true boundary
 * matched at most once (nearest pairs first). The chapter at 0 is not a boundary: every
 * sermon has it, so it would only flatter the figures.
 */
export function scoreBoundaries(
  found: readonly number[],
  expected: readonly number[],
  toleranceMs: number,
): BoundaryScore {
  const foundHere = found.filter((ms) => ms > 0);
  const expectedHere = expected.filter((ms) => ms > 0);
  const pairs = foundHere
    .flatMap((f, i) => expectedHere.map((e, j) => ({ i, j, distance: Math.abs(f - e) })))
    .filter((pair) => pair.distance <= toleranceMs)
    .sort((a, b) => a.distance - b.distance);
  const usedFound = new Set<number>();
  const usedExpected = new Set<number>();
  for (const { i, j } of pairs) {
    if (usedFound.has(i) || usedExpected.has(j)) continue;
    usedFound.add(i);
    usedExpected.add(j);
  }
  return {
    truePositives: usedFound.size,
    found: foundHere.length,
    expected: expectedHere.length,
  };
}

/** Micro-averaged precision, recall and F1 over many sermons. */
export function summarise(scores: readonly BoundaryScore[]) {
  const sum = (key: keyof BoundaryScore) => scores.reduce((total, s) => total + s[key], 0);
  const tp = sum("truePositives");
  const precision = sum("found") ? tp / sum("found") : 0;
  const recall = sum("expected") ? tp / sum("expected") : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, found: sum("found"), expected: sum("expected"), matched: tp };
}
