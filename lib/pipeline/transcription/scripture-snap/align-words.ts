/** A recognised word set against a Bible word: the same word, or one misheard in its place. */
export interface AlignedPair {
  heard: number;
  bible: number;
  isSame: boolean;
}

const SAME = 2;
const DIFFERENT = -1;
const GAP = -1;
const STOP = 0;
const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;

/**
 * The best-scoring local alignment (Smith–Waterman) of recognised word ids against Bible
 * word ids: where in each the passage runs, word for word. A word heard the same scores 2;
 * a misheard, dropped or extra word costs 1, so a passage read with a third of its words
 * wrong still scores well above its surroundings. Indices are into the given arrays.
 */
export function alignWords(
  heard: ArrayLike<number>,
  bible: ArrayLike<number>,
): { score: number; pairs: AlignedPair[] } {
  const rows = heard.length;
  const cols = bible.length;
  const trace = new Uint8Array((rows + 1) * (cols + 1));
  let previous = new Int32Array(cols + 1);
  let current = new Int32Array(cols + 1);
  let best = 0;
  let bestAt = 0;
  for (let i = 1; i <= rows; i++) {
    const word = heard[i - 1];
    current[0] = 0;
    for (let j = 1; j <= cols; j++) {
      const diagonal = previous[j - 1]! + (word === bible[j - 1] ? SAME : DIFFERENT);
      const up = previous[j]! + GAP;
      const left = current[j - 1]! + GAP;
      let score = 0;
      let step = STOP;
      if (diagonal > score) {
        score = diagonal;
        step = DIAGONAL;
      }
      if (up > score) {
        score = up;
        step = UP;
      }
      if (left > score) {
        score = left;
        step = LEFT;
      }
      current[j] = score;
      trace[i * (cols + 1) + j] = step;
      if (score > best) {
        best = score;
        bestAt = i * (cols + 1) + j;
      }
    }
    [previous, current] = [current, previous];
  }
  const pairs: AlignedPair[] = [];
  let at = bestAt;
  for (;;) {
    const step = trace[at];
    const i = Math.floor(at / (cols + 1));
    const j = at % (cols + 1);
    if (step === DIAGONAL) {
      pairs.push({ heard: i - 1, bible: j - 1, isSame: heard[i - 1] === bible[j - 1] });
      at -= cols + 2;
    } else if (step === UP) at -= cols + 1;
    else if (step === LEFT) at -= 1;
    else break;
  }
  pairs.reverse();
  // A local alignment may open on a misheard pair; the passage starts at its first true match.
  while (pairs[0] && !pairs[0].isSame) pairs.shift();
  while (pairs.at(-1) && !pairs.at(-1)!.isSame) pairs.pop();
  return { score: best, pairs };
}
