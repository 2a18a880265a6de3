/** A sentence of the transcript with its moment; what a chapter may start at. */
export interface TimedSentence {
  startMs: number;
  endMs: number;
  text: string;
  /** Silence before it (ms): the gap since the previous segment ended; 0 inside a segment. */
  pauseBeforeMs: number;
  /** The start of the segment it belongs to: spoken scripture is dated by it. */
  segmentStartMs: number;
  /** The whole segment's text, where a reference's cue ("turn to…") may be said. */
  segmentText: string;
}

export interface TimedText {
  startMs: number;
  endMs: number;
  text: string;
}

const SENTENCE = /[^.!?]+(?:[.!?]+["')\]]*|$)/g;

/**
 * The transcript's segments split into sentences, each given a share of its segment's time in
 * proportion to its length (providers time segments, not sentences). Segments without
 * punctuation (the local recogniser) stay whole.
 */
export function toSentences(segments: readonly TimedText[]): TimedSentence[] {
  const sentences: TimedSentence[] = [];
  let previousEnd: number | null = null;
  for (const segment of segments) {
    const parts = (segment.text.match(SENTENCE) ?? [])
      .map((part) => part.trim())
      .filter((part) => /\w/.test(part));
    const totalChars = parts.reduce((sum, part) => sum + part.length, 0) || 1;
    const span = Math.max(0, segment.endMs - segment.startMs);
    let offset = 0;
    parts.forEach((text, index) => {
      const startMs = segment.startMs + Math.round((span * offset) / totalChars);
      offset += text.length;
      sentences.push({
        startMs,
        endMs: segment.startMs + Math.round((span * offset) / totalChars),
        text,
        pauseBeforeMs:
          index === 0 && previousEnd !== null ? Math.max(0, segment.startMs - previousEnd) : 0,
        segmentStartMs: segment.startMs,
        segmentText: segment.text,
      });
    });
    previousEnd = segment.endMs;
  }
  return sentences;
}
