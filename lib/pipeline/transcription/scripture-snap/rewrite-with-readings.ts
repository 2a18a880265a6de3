import type { TranscriptSegmentDraft, TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import type { BibleWordIndex } from "./bible-word-index";
import type { Reading } from "./find-reading";
import { tokeniseVerse } from "./tokenise-verse";

export interface RewrittenReading {
  reading: Reading;
  startMs: number;
  endMs: number;
}

/**
 * Replaces each reading's recognised words with its verses' words. A verse word set against
 * a recognised word takes that word's times; the rest share the time between their
 * neighbours evenly. Segments the readings overlap become what was said before the reading,
 * one segment per verse (labelled, e.g. "WEB · Psalm 23:1–6"), and what was said after.
 */
export function rewriteWithReadings(
  words: readonly TranscriptWord[],
  segments: readonly TranscriptSegmentDraft[],
  readings: readonly Reading[],
  labels: readonly string[],
  index: BibleWordIndex,
): { words: TranscriptWord[]; segments: TranscriptSegmentDraft[]; spans: RewrittenReading[] } {
  const out: TranscriptWord[] = [];
  const verseSegments: TranscriptSegmentDraft[][] = [];
  const spans: RewrittenReading[] = [];
  let next = 0;
  readings.forEach((reading, r) => {
    out.push(...words.slice(next, reading.heardFrom));
    const speaker = words[reading.heardFrom]?.speaker;
    const verses: { printed: string[]; text: string }[] = [];
    for (let v = reading.firstVerse; v <= reading.lastVerse; v++) {
      const text = index.verses[v]![3];
      verses.push({ printed: tokeniseVerse(text).printed, text });
    }
    const printed = verses.flatMap((verse) => verse.printed);
    const timed = timeVerseWords(printed.length, reading, words);
    const newWords = printed.map((text, i) => ({
      ...timed[i]!,
      text,
      ...(speaker === undefined ? {} : { speaker }),
    }));
    out.push(...newWords);
    let at = 0;
    verseSegments.push(
      verses.map((verse) => {
        const first = newWords[at]!;
        at += verse.printed.length;
        return {
          startMs: first.startMs,
          endMs: newWords[at - 1]!.endMs,
          text: verse.text,
          speaker: speaker ?? null,
          scripture: labels[r],
        };
      }),
    );
    spans.push({ reading, startMs: newWords[0]!.startMs, endMs: newWords.at(-1)!.endMs });
    next = reading.heardTo + 1;
  });
  out.push(...words.slice(next));
  return { words: out, segments: resegment(words, segments, spans, verseSegments), spans };
}

function timeVerseWords(count: number, reading: Reading, words: readonly TranscriptWord[]) {
  const times: { startMs: number; endMs: number }[] = Array.from({ length: count });
  for (const anchor of reading.anchors) {
    const word = words[anchor.heard]!;
    times[anchor.bible] = { startMs: word.startMs, endMs: word.endMs };
  }
  const spanStart = words[reading.heardFrom]!.startMs;
  const spanEnd = words[reading.heardTo]!.endMs;
  let i = 0;
  while (i < count) {
    if (times[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < count && !times[j]) j++;
    const from = i > 0 ? times[i - 1]!.endMs : spanStart;
    const to = j < count ? times[j]!.startMs : spanEnd;
    const step = Math.max(0, to - from) / (j - i);
    for (let k = i; k < j; k++) {
      times[k] = {
        startMs: Math.round(from + step * (k - i)),
        endMs: Math.round(from + step * (k - i + 1)),
      };
    }
    i = j;
  }
  return times;
}

function resegment(
  words: readonly TranscriptWord[],
  segments: readonly TranscriptSegmentDraft[],
  spans: readonly RewrittenReading[],
  verseSegments: TranscriptSegmentDraft[][],
): TranscriptSegmentDraft[] {
  if (!spans.length) return [...segments];
  const heardStart = spans.map(({ reading }) => words[reading.heardFrom]!.startMs);
  const heardEnd = spans.map(({ reading }) => words[reading.heardTo]!.endMs);
  const overlaps = (segment: TranscriptSegmentDraft, r: number) =>
    segment.startMs < heardEnd[r]! && segment.endMs > heardStart[r]!;
  const out: TranscriptSegmentDraft[] = [];
  const placed = new Set<number>();
  for (const segment of segments) {
    const touched = spans.map((_, r) => r).filter((r) => overlaps(segment, r));
    if (!touched.length) {
      out.push(segment);
      continue;
    }
    // What the segment said outside the readings stays, as its own segments around them.
    const inSegment = words
      .map((word, w) => ({ word, w }))
      .filter(({ word }) => word.startMs >= segment.startMs && word.startMs < segment.endMs);
    let pending: TranscriptWord[] = [];
    const flush = () => {
      if (pending.length)
        out.push({
          startMs: pending[0]!.startMs,
          endMs: pending.at(-1)!.endMs,
          text: pending.map((word) => word.text).join(" "),
          speaker: segment.speaker,
        });
      pending = [];
    };
    for (const { word, w } of inSegment) {
      const r = spans.findIndex(({ reading }) => w >= reading.heardFrom && w <= reading.heardTo);
      if (r < 0) {
        pending.push(word);
        continue;
      }
      flush();
      if (!placed.has(r)) {
        placed.add(r);
        out.push(...verseSegments[r]!);
      }
    }
    flush();
  }
  const unplaced = verseSegments.filter((_, r) => !placed.has(r)).flat();
  return unplaced.length ? [...out, ...unplaced].sort((a, b) => a.startMs - b.startMs) : out;
}
