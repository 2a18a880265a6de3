import { z } from "zod";

/** One recognised word; times in ms from the start of the sermon's audio. */
export const transcriptWordSchema = z.object({
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  text: z.string(),
  confidence: z.number().min(0).max(1).optional(),
  speaker: z.string().optional(),
  /** With a manuscript: its word, or speech the manuscript lacks as the recogniser heard it. */
  source: z.enum(["manuscript", "recognised"]).optional(),
});

/** A sentence or paragraph: what the listener taps and the admin corrects. */
export const transcriptSegmentSchema = z.object({
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  text: z.string(),
  speaker: z.string().nullable(),
  /** Set on a passage read aloud and snapped to the Bible's text: "WEB · Psalm 23:1–6". */
  scripture: z.string().optional(),
  source: z.enum(["manuscript", "recognised"]).optional(),
  /** The recogniser's own figure for the segment (Whisper's), when it gives one. */
  confidence: z.number().min(0).max(1).optional(),
});

/**
 * A whole transcript as one provider produced it, in our own shape. Stored as the sermon's
 * words file (JSON in S3) so later steps read it from there instead of from step output.
 */
export const transcriptSchema = z.object({
  provider: z.string(),
  model: z.string().nullable(),
  language: z.string().nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  segments: z.array(transcriptSegmentSchema),
  words: z.array(transcriptWordSchema),
  /** Passages read aloud, snapped to the exact verses (machine transcripts only). */
  scripture: z
    .array(
      z.object({
        book: z.string(),
        startChapter: z.number().int(),
        startVerse: z.number().int(),
        endChapter: z.number().int(),
        endVerse: z.number().int(),
        startKey: z.number().int(),
        endKey: z.number().int(),
        text: z.string(),
        atMs: z.number().int().min(0),
        endMs: z.number().int().min(0),
        translation: z.string(),
        snapped: z.literal(true),
      }),
    )
    .optional(),
});

export type TranscriptWord = z.output<typeof transcriptWordSchema>;
export type TranscriptSegmentDraft = z.output<typeof transcriptSegmentSchema>;
export type MachineTranscript = z.output<typeof transcriptSchema>;

/** Seconds (as providers report them) to whole ms. */
export const secondsToMs = (seconds: number | undefined) =>
  Math.max(0, Math.round((seconds ?? 0) * 1000));

/** The mean of the word confidences, or null when the provider gave none. */
export function meanConfidence(words: readonly TranscriptWord[]): number | null {
  const known = words.flatMap((word) => (word.confidence === undefined ? [] : [word.confidence]));
  return known.length ? known.reduce((sum, c) => sum + c, 0) / known.length : null;
}
