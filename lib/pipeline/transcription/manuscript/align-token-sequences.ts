/** One step of an alignment: a pair, a token only in `a` (deleted), or only in `b` (inserted). */
export interface AlignedPair {
  a: number | undefined;
  b: number | undefined;
  isMatch: boolean;
}

/** Half a gigabyte of traceback: a manuscript many times longer than what was said. */
const MAX_CELLS = 500_000_000;

/** The two sides differ too much in length to align within the memory allowed. */
export class AlignmentTooLargeError extends Error {
  override name = "AlignmentTooLargeError";
  constructor(a: number, b: number) {
    super(`Cannot align ${a} manuscript tokens with ${b} recognised ones within memory.`);
  }
}

const DIAGONAL = 0;
const UP = 1; // a's token has no partner
const LEFT = 2; // b's token has no partner

/**
 * Word-level edit-distance alignment (Levenshtein, with a traceback) of two token lists, in
 * order. The search keeps to a band around the diagonal, wide enough for a preacher to skip or
 * add a long passage, so an hour's manuscript stays within tens of MB.
 */
export function alignTokenSequences(
  a: readonly string[],
  b: readonly string[],
  options: { minBand?: number } = {},
): AlignedPair[] {
  const n = a.length;
  const m = b.length;
  const band = Math.max(options.minBand ?? 1500, Math.ceil(Math.max(n, m) * 0.3), Math.abs(n - m));
  const slope = n ? m / n : 0;
  const lo = (i: number) => Math.max(0, Math.floor(i * slope) - band);
  const hi = (i: number) => Math.min(m, Math.ceil(i * slope) + band);
  const width = 2 * band + 3;
  if ((n + 1) * width > MAX_CELLS) throw new AlignmentTooLargeError(n, m);
  const moves = new Uint8Array((n + 1) * width);
  let previous = new Float64Array(m + 1).fill(Infinity);
  let current = new Float64Array(m + 1).fill(Infinity);
  for (let j = 0; j <= hi(0); j++) {
    previous[j] = j;
    moves[j - lo(0)] = LEFT;
  }
  for (let i = 1; i <= n; i++) {
    current.fill(Infinity);
    const from = lo(i);
    const to = hi(i);
    for (let j = from; j <= to; j++) {
      let best = (previous[j] ?? Infinity) + 1;
      let move = UP;
      if (j > 0) {
        const diagonal = (previous[j - 1] ?? Infinity) + (a[i - 1] === b[j - 1] ? 0 : 1);
        if (diagonal <= best) {
          best = diagonal;
          move = DIAGONAL;
        }
        const left = (current[j - 1] ?? Infinity) + 1;
        if (left < best) {
          best = left;
          move = LEFT;
        }
      }
      current[j] = best;
      moves[i * width + (j - from)] = move;
    }
    [previous, current] = [current, previous];
  }

  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = i === 0 ? LEFT : j === 0 ? UP : moves[i * width + (j - lo(i))];
    if (move === DIAGONAL) {
      pairs.push({ a: i - 1, b: j - 1, isMatch: a[i - 1] === b[j - 1] });
      i--;
      j--;
    } else if (move === UP) {
      pairs.push({ a: i - 1, b: undefined, isMatch: false });
      i--;
    } else {
      pairs.push({ a: undefined, b: j - 1, isMatch: false });
      j--;
    }
  }
  return pairs.reverse();
}
