import type { TimedSentence } from "./sermon-sentences";
import { topicStems } from "./words";

/** How much speech on each side of a gap is compared. */
const WINDOW_MS = 120_000;
/** A topic shift is a deepest dip within this distance either way. */
const LOCAL_MS = 45_000;

type Vector = Map<string, number>;

function add(into: Vector, from: Vector, sign: 1 | -1) {
  for (const [term, count] of from) {
    const next = (into.get(term) ?? 0) + sign * count;
    if (Math.abs(next) < 1e-9) into.delete(term);
    else into.set(term, next);
  }
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, count] of a) {
    normA += count * count;
    dot += count * (b.get(term) ?? 0);
  }
  for (const count of b.values()) normB += count * count;
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

/**
 * A TextTiling-like topic-shift score before each sentence: the words of the two minutes
 * before it compared with the two minutes after (cosine of the topic words' counts, weighted
 * down for words the whole sermon uses everywhere); a gap where the similarity dips deeper
 * than anywhere near it is a shift. Returned as standard scores of the dip's depth (0 where
 * the gap is not the deepest nearby, or the sermon is too short to tell), one per sentence.
 */
export function topicShiftScores(sentences: readonly TimedSentence[]): number[] {
  const n = sentences.length;
  const scores = new Array<number>(n).fill(0);
  if (n < 8) return scores;
  const bags = sentences.map((sentence) => {
    const bag: Vector = new Map();
    for (const term of topicStems(sentence.text)) bag.set(term, (bag.get(term) ?? 0) + 1);
    return bag;
  });
  const weights = termWeights(sentences, bags);
  const weighted = bags.map((bag) => {
    const vector: Vector = new Map();
    for (const [term, count] of bag) vector.set(term, count * (weights.get(term) ?? 0));
    return vector;
  });

  // Sliding windows: sentences [left, i) before the gap, [i, right) after it.
  const similarity = new Array<number>(n).fill(1);
  const before: Vector = new Map();
  const after: Vector = new Map();
  let left = 0;
  let right = 0;
  for (let i = 1; i < n; i++) {
    const at = sentences[i]!.startMs;
    while (right < n && sentences[right]!.startMs < at + WINDOW_MS)
      add(after, weighted[right++]!, 1);
    // Sentence i - 1 crosses from after the gap to before it.
    add(after, weighted[i - 1]!, -1);
    add(before, weighted[i - 1]!, 1);
    while (left < i && sentences[left]!.startMs < at - WINDOW_MS)
      add(before, weighted[left++]!, -1);
    similarity[i] = cosine(before, after);
  }

  const smooth = similarity.map((_, i) => {
    const near = similarity.slice(Math.max(1, i - 1), Math.min(n, i + 2));
    return i === 0 ? 1 : near.reduce((sum, value) => sum + value, 0) / near.length;
  });
  const depth = smooth.map((value, i) => (i === 0 ? 0 : depthAt(smooth, i, value)));
  const usable = depth.slice(1);
  const mean = usable.reduce((sum, value) => sum + value, 0) / usable.length;
  const sd = Math.sqrt(usable.reduce((sum, value) => sum + (value - mean) ** 2, 0) / usable.length);
  if (sd === 0) return scores;
  for (let i = 1; i < n; i++) {
    const at = sentences[i]!.startMs;
    let isDeepest = true;
    for (let j = i - 1; j >= 1 && sentences[j]!.startMs >= at - LOCAL_MS; j--)
      if (depth[j]! > depth[i]!) isDeepest = false;
    for (let j = i + 1; j < n && sentences[j]!.startMs <= at + LOCAL_MS; j++)
      if (depth[j]! >= depth[i]!) isDeepest = false;
    if (isDeepest) scores[i] = Math.max(0, (depth[i]! - mean) / sd);
  }
  return scores;
}

/** How far the similarity climbs back up on each side of gap `i` before it falls again. */
function depthAt(series: readonly number[], i: number, value: number): number {
  let leftPeak = value;
  for (let j = i - 1; j >= 1 && series[j]! >= leftPeak; j--) leftPeak = series[j]!;
  let rightPeak = value;
  for (let j = i + 1; j < series.length && series[j]! >= rightPeak; j++) rightPeak = series[j]!;
  return leftPeak - value + (rightPeak - value);
}

/** Inverse "document" frequency over minute-long stretches: words said all through weigh less. */
function termWeights(sentences: readonly TimedSentence[], bags: readonly Vector[]): Vector {
  const stretchOf = (ms: number) => Math.floor(ms / 60_000);
  const stretches = new Map<string, Set<number>>();
  bags.forEach((bag, i) => {
    const stretch = stretchOf(sentences[i]!.startMs);
    for (const term of bag.keys()) {
      let seen = stretches.get(term);
      if (!seen) stretches.set(term, (seen = new Set()));
      seen.add(stretch);
    }
  });
  const total = stretchOf(sentences.at(-1)!.startMs) + 1;
  const weights: Vector = new Map();
  for (const [term, seen] of stretches) weights.set(term, Math.log((total + 1) / seen.size));
  return weights;
}
