import type {
  TranscriptionSegment,
  TranscriptionWord,
} from "openai/resources/audio/transcriptions";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import {
  secondsToMs,
  type TranscriptSegmentDraft,
  type TranscriptWord,
} from "@/lib/catalog/transcripts/transcript";

/** What both answers share: `json` (text only) and `verbose_json` (with language and timings). */
export interface OpenAiAnswer {
  text: string;
  language?: string;
  segments?: Pick<TranscriptionSegment, "start" | "end" | "text" | "avg_logprob">[];
  words?: TranscriptionWord[];
}

export interface OpenAiPiece {
  segments: TranscriptSegmentDraft[];
  words: TranscriptWord[];
  language: string | null;
  /** exp(avg_logprob) per segment: Whisper's closest thing to a confidence. */
  confidences: number[];
}

/**
 * One verbose_json answer → our segments and words, shifted by where the piece starts in the
 * sermon. Servers that return only text (models without verbose_json) give one segment
 * spanning the piece; servers with words but no segments get sentence grouping.
 */
export function mapOpenAiResponse(
  response: OpenAiAnswer,
  offsetMs: number,
  pieceDurationMs: number,
): OpenAiPiece {
  const at = (seconds: number | undefined) => offsetMs + secondsToMs(seconds);
  const words: TranscriptWord[] = (response.words ?? []).map((word) => ({
    startMs: at(word.start),
    endMs: at(word.end),
    text: word.word.trim(),
  }));
  let segments: TranscriptSegmentDraft[] = (response.segments ?? []).map((segment) => ({
    startMs: at(segment.start),
    endMs: at(segment.end),
    text: segment.text.trim(),
    speaker: null,
    ...(Number.isFinite(segment.avg_logprob)
      ? { confidence: Math.min(1, Math.exp(segment.avg_logprob)) }
      : {}),
  }));
  if (segments.length === 0 && words.length > 0) segments = groupWordsIntoSegments(words);
  if (segments.length === 0 && response.text.trim()) {
    segments = [
      {
        startMs: offsetMs,
        endMs: offsetMs + pieceDurationMs,
        text: response.text.trim(),
        speaker: null,
      },
    ];
  }
  return {
    segments: segments.filter((segment) => segment.text.length > 0),
    words,
    language: response.language ?? null,
    confidences: (response.segments ?? []).map((segment) =>
      Math.min(1, Math.exp(segment.avg_logprob)),
    ),
  };
}
