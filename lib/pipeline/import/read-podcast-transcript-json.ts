import { z } from "zod";
import type { CaptionCue } from "@/lib/pipeline/transcription/captions/caption-cue";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import { secondsToMs } from "@/lib/catalog/transcripts/transcript";
import { AppError } from "@/lib/platform/errors/app-error";

// The Podcasting 2.0 JSON transcript: { version, segments: [{ speaker?, startTime, endTime, body }] },
// times in seconds. Its writer is lib/catalog/transcripts/podcast-transcript-json.ts.
const transcriptJsonSchema = z.object({
  segments: z
    .array(
      z.object({
        speaker: z.string().optional(),
        startTime: z.number().min(0),
        endTime: z.number().min(0),
        body: z.string(),
      }),
    )
    .min(1, "it has no segments"),
});

/**
 * Cues from a Podcasting 2.0 JSON transcript. Many such files hold one word per segment; they
 * are grouped into sentences as words from a recogniser are (`groupWordsIntoSegments`), and
 * a file of whole sentences stays as it is. Overlaps are trimmed, so the cues read as one
 * strict caption file.
 */
export function cuesFromTranscriptJson(data: Uint8Array): CaptionCue[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data));
  } catch {
    throw rejected("the file is not JSON text");
  }
  const parsed = transcriptJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw rejected(`${issue.path.join(".") || "the file"}: ${issue.message}`);
  }
  const words = parsed.data.segments
    .map((segment) => ({
      startMs: secondsToMs(segment.startTime),
      endMs: secondsToMs(segment.endTime),
      text: segment.body.trim(),
      ...(segment.speaker?.trim() ? { speaker: segment.speaker.trim() } : {}),
    }))
    .filter((word) => word.text && word.endMs > word.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const cues: CaptionCue[] = [];
  for (const segment of groupWordsIntoSegments(words)) {
    const previous = cues.at(-1);
    const startMs = previous ? Math.max(segment.startMs, previous.endMs) : segment.startMs;
    if (segment.endMs > startMs) cues.push({ ...segment, startMs });
  }
  if (!cues.length) throw rejected("it has no timed text");
  return cues;
}

const rejected = (problem: string) =>
  new AppError("invalid_captions", `Not a Podcasting 2.0 JSON transcript: ${problem}.`);
