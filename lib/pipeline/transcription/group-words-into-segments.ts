import type { TranscriptSegmentDraft, TranscriptWord } from "@/lib/catalog/transcripts/transcript";

export interface GroupingOptions {
  /** A pause at least this long ends a segment (a breath between sentences). */
  pauseMs: number;
  /** No segment runs longer than this, so a tap lands near what was heard. */
  maxDurationMs: number;
}

const DEFAULTS: GroupingOptions = { pauseMs: 700, maxDurationMs: 12_000 };
const SENTENCE_END = /[.!?]["')\]]*$/;

/**
 * Sentence-sized segments from words, for providers that give no sentences of their own
 * (pocketsphinx; Whisper without segments). A segment ends at a sentence mark, a long pause,
 * a change of speaker or the duration cap.
 */
export function groupWordsIntoSegments(
  words: readonly TranscriptWord[],
  options: Partial<GroupingOptions> = {},
): TranscriptSegmentDraft[] {
  const { pauseMs, maxDurationMs } = { ...DEFAULTS, ...options };
  const segments: TranscriptSegmentDraft[] = [];
  let current: TranscriptWord[] = [];
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      segments.push({
        startMs: first.startMs,
        endMs: last.endMs,
        text: current.map((word) => word.text).join(" "),
        speaker: first.speaker ?? null,
      });
    }
    current = [];
  };
  for (const word of words) {
    const previous = current.at(-1);
    const first = current[0];
    if (
      previous &&
      first &&
      (word.startMs - previous.endMs >= pauseMs ||
        word.speaker !== previous.speaker ||
        word.endMs - first.startMs > maxDurationMs)
    ) {
      flush();
    }
    current.push(word);
    if (SENTENCE_END.test(word.text)) flush();
  }
  flush();
  return segments;
}
