import type { TranscriptSegmentDraft, TranscriptWord } from "@/lib/catalog/transcripts/transcript";

/** A segment as stored: with its confidence and, where they line up with its text, its words'. */
export type MeasuredSegment = Omit<TranscriptSegmentDraft, "confidence"> & {
  confidence: number | null;
  wordConfidences: number[];
};

/** Manuscript words and snapped scripture are text someone wrote, not a recogniser's guess. */
const isWritten = (word: TranscriptWord) => word.source === "manuscript";

/**
 * Gives each segment the confidence of the words it was made from (those whose middle falls in
 * its span). Words from a manuscript, and verses snapped to the Bible's text, count as certain;
 * speech the manuscript lacks keeps the recogniser's figures. A segment's own figure (Whisper's)
 * wins over its words'. Per-word figures are kept only when the words line up one to one with
 * the segment's text, so the listener's view can mark exactly the word that was doubtful.
 * Segments with no measured words (uploaded captions) get null: nobody guessed them.
 */
export function measureSegmentConfidence(
  segments: readonly TranscriptSegmentDraft[],
  words: readonly TranscriptWord[],
): MeasuredSegment[] {
  const sorted = [...words].sort((a, b) => a.startMs - b.startMs);
  let from = 0;
  return segments.map(({ confidence: own, ...segment }) => {
    if (segment.scripture || segment.source === "manuscript") {
      return { ...segment, confidence: 1, wordConfidences: [] };
    }
    while (from < sorted.length && middle(sorted[from]!) < segment.startMs) from++;
    const inside: TranscriptWord[] = [];
    for (let i = from; i < sorted.length && middle(sorted[i]!) <= segment.endMs; i++) {
      const word = sorted[i]!;
      if (middle(word) >= segment.startMs && word.source === segment.source) inside.push(word);
    }
    const figures = inside.map((word) =>
      isWritten(word) ? 1 : word.confidence === undefined ? null : word.confidence,
    );
    const known = figures.filter((figure): figure is number => figure !== null);
    const tokens = segment.text.split(/\s+/).filter(Boolean);
    const linesUp = known.length === tokens.length && figures.length === tokens.length;
    return {
      ...segment,
      confidence: own ?? (known.length ? mean(known) : null),
      wordConfidences: linesUp ? known : [],
    };
  });
}

const middle = (word: TranscriptWord) => (word.startMs + word.endMs) / 2;

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
