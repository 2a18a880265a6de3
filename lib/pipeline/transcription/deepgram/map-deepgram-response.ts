import type { ListenV1Response } from "@deepgram/sdk";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import {
  type MachineTranscript,
  secondsToMs,
  type TranscriptSegmentDraft,
  type TranscriptWord,
} from "@/lib/catalog/transcripts/transcript";

/** Deepgram numbers speakers from 0; people count from 1. */
const speakerLabel = (speaker: number | undefined) =>
  speaker === undefined ? undefined : `Speaker ${speaker + 1}`;

/**
 * Deepgram's pre-recorded response → our transcript. Segments are the sentences of its
 * paragraphs (with the paragraph's speaker); without paragraphs, its utterances; without
 * either, words grouped by pauses. Words keep Deepgram's punctuated, smart-formatted form.
 */
export function mapDeepgramResponse(
  response: ListenV1Response,
  requested: { model: string; language: string },
): MachineTranscript {
  const channel = response.results.channels[0];
  const alternative = channel?.alternatives?.[0];
  const words: TranscriptWord[] = (alternative?.words ?? []).map((word) => {
    // `punctuated_word` is in every documented response with punctuate/smart_format on,
    // though the SDK's channel word type omits it.
    const punctuated = (word as { punctuated_word?: string }).punctuated_word;
    const speaker = speakerLabel(word.speaker);
    return {
      startMs: secondsToMs(word.start),
      endMs: secondsToMs(word.end),
      text: punctuated ?? word.word ?? "",
      ...(word.confidence === undefined ? {} : { confidence: word.confidence }),
      ...(speaker ? { speaker } : {}),
    };
  });

  let segments: TranscriptSegmentDraft[] = (alternative?.paragraphs?.paragraphs ?? []).flatMap(
    (paragraph) =>
      (paragraph.sentences ?? []).map((sentence) => ({
        startMs: secondsToMs(sentence.start),
        endMs: secondsToMs(sentence.end),
        text: (sentence.text ?? "").trim(),
        speaker: speakerLabel(paragraph.speaker) ?? null,
      })),
  );
  if (segments.length === 0) {
    segments = (response.results.utterances ?? []).map((utterance) => ({
      startMs: secondsToMs(utterance.start),
      endMs: secondsToMs(utterance.end),
      text: (utterance.transcript ?? "").trim(),
      speaker: speakerLabel(utterance.speaker) ?? null,
    }));
  }
  if (segments.length === 0) segments = groupWordsIntoSegments(words);

  return {
    provider: "deepgram",
    model: modelName(response) ?? requested.model,
    language: channel?.detected_language ?? requested.language,
    confidence: alternative?.confidence ?? null,
    segments: segments.filter((segment) => segment.text.length > 0),
    words,
  };
}

/** "nova-3" from metadata.model_info, keyed by the model uuid listed in metadata.models. */
function modelName(response: ListenV1Response): string | undefined {
  const uuid = response.metadata.models[0];
  const info = uuid ? response.metadata.model_info[uuid] : undefined;
  const name = (info as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? name : undefined;
}
