import type { AlignedPair } from "./align-words";
import type { BibleWordIndex } from "./bible-word-index";

/** A passage found read aloud: recognised words `heardFrom..heardTo` (inclusive) are verses `firstVerse..lastVerse`. */
export interface Reading {
  heardFrom: number;
  heardTo: number;
  firstVerse: number;
  lastVerse: number;
  /** Recognised word → Bible word (offset from the first verse's first word), for the timings. */
  anchors: { heard: number; bible: number }[];
  sameWords: number;
}

/** Fewer matching words than this is a quotation, not a reading ("for God so loved the world"). */
export const MIN_SAME_WORDS = 8;
/** Of the verses' words, at least this share must be heard right (a third wrong leaves two thirds). */
const MIN_SHARE_SAME = 0.5;
/** A verse at either end counts when this much of it was heard. */
const MIN_VERSE_COVERED = 0.5;
/** Bible words the alignment missed at either end are taken from at most this many recognised words. */
const MAX_EDGE_WORDS = 3;
/** Recognised words between the verses and a pause that are taken as part of the reading. */
const MAX_STRAY_WORDS = 2;
const SENTENCE_END = /[.!?]["')\]]*$/;
const PAUSE_MS = 700;

export interface HeardWords {
  ids: Int32Array;
  text: readonly string[];
  startMs: ArrayLike<number>;
  endMs: ArrayLike<number>;
}

/**
 * Decides whether an alignment is a passage read aloud and, if so, which whole verses it
 * covers and which recognised words they replace. Pairs' indices are absolute (into `heard`
 * and the index's words). Missed words at the edges of the verses are taken from the
 * neighbouring recognised words (misheard) unless a sentence end or a pause lies between,
 * and a stray word or two between the verses and such a break joins the reading.
 */
export function findReading(
  pairs: readonly AlignedPair[],
  heard: HeardWords,
  index: BibleWordIndex,
  limits: { heardFrom: number; heardTo: number },
): Reading | undefined {
  const same = pairs.filter((pair) => pair.isSame).length;
  if (same < MIN_SAME_WORDS) return undefined;
  const covered = new Map<number, number>();
  for (const pair of pairs) {
    const verse = index.verseOfWord[pair.bible]!;
    covered.set(verse, (covered.get(verse) ?? 0) + 1);
  }
  const whole = [...covered]
    .filter(([verse, count]) => count >= MIN_VERSE_COVERED * verseLength(index, verse))
    .map(([verse]) => verse);
  if (!whole.length) return undefined;
  const firstVerse = Math.min(...whole);
  let lastVerse = Math.max(...whole);
  const book = index.verses[firstVerse]![0];
  while (index.verses[lastVerse]![0] !== book) lastVerse--;
  const from = index.verseStart[firstVerse]!;
  const to = index.verseStart[lastVerse + 1]!;
  const inside = pairs.filter((pair) => pair.bible >= from && pair.bible < to);
  const sameInside = inside.filter((pair) => pair.isSame).length;
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last || sameInside < MIN_SAME_WORDS) return undefined;
  if (sameInside < MIN_SHARE_SAME * (to - from)) return undefined;
  if (sameInside < MIN_SHARE_SAME * (last.heard - first.heard + 1)) return undefined;

  let heardFrom = first.heard;
  for (let missed = Math.min(MAX_EDGE_WORDS, first.bible - from); missed > 0; missed--) {
    const before = heardFrom - 1;
    if (before < limits.heardFrom || isBreak(heard, before)) break;
    heardFrom = before;
  }
  let heardTo = last.heard;
  for (let missed = Math.min(MAX_EDGE_WORDS, to - 1 - last.bible); missed > 0; missed--) {
    const after = heardTo + 1;
    if (after >= limits.heardTo || isBreak(heard, heardTo)) break;
    heardTo = after;
  }
  // A reader pauses before and after a passage: a word or two misheard or added next to the
  // pause still belongs to the reading.
  for (let k = heardFrom - 1; k >= Math.max(limits.heardFrom, heardFrom - MAX_STRAY_WORDS); k--) {
    if (isBreak(heard, k)) break;
    if (k === 0 || isBreak(heard, k - 1)) {
      heardFrom = k;
      break;
    }
  }
  for (let k = heardTo + 1; k < Math.min(limits.heardTo, heardTo + 1 + MAX_STRAY_WORDS); k++) {
    if (isBreak(heard, k - 1)) break;
    if (isBreak(heard, k)) {
      heardTo = k;
      break;
    }
  }
  return {
    heardFrom,
    heardTo,
    firstVerse,
    lastVerse,
    anchors: inside.map((pair) => ({ heard: pair.heard, bible: pair.bible - from })),
    sameWords: sameInside,
  };
}

const verseLength = (index: BibleWordIndex, verse: number) =>
  index.verseStart[verse + 1]! - index.verseStart[verse]!;

/** A sentence ends, or the speaker pauses, after recognised word `at`. */
const isBreak = (heard: HeardWords, at: number) =>
  SENTENCE_END.test(heard.text[at] ?? "") ||
  (heard.startMs[at + 1] ?? Infinity) - (heard.endMs[at] ?? 0) >= PAUSE_MS;
