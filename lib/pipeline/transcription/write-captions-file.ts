import type { CaptionCue } from "@/lib/pipeline/transcription/captions/caption-cue";
import { writeWebVtt } from "@/lib/pipeline/transcription/captions/write-webvtt";
import {
  putText,
  readWordsFile,
  type TranscriptStorage,
} from "@/lib/catalog/transcripts/transcript-files";

export const VTT_CONTENT_TYPE = "text/vtt; charset=utf-8";

/** Segments are the captions' sentences; speakers stay as voice tags. */
export const segmentsToCues = (segments: readonly CaptionCue[]): CaptionCue[] =>
  segments.map(({ startMs, endMs, text, speaker }) => ({ startMs, endMs, text, speaker }));

/** Writes the WebVTT captions of the transcript in the words file, beside it. */
export async function writeCaptionsFile(
  storage: TranscriptStorage,
  keys: { wordsKey: string; vttKey: string },
): Promise<{ vttKey: string; bytes: number }> {
  const transcript = await readWordsFile(storage, keys.wordsKey);
  const bytes = await putText(
    storage,
    keys.vttKey,
    writeWebVtt(segmentsToCues(transcript.segments)),
    VTT_CONTENT_TYPE,
  );
  return { vttKey: keys.vttKey, bytes };
}
