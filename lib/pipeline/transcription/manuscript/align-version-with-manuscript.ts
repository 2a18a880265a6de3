import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import {
  readWordsFile,
  type TranscriptStorage,
  writeWordsFile,
} from "@/lib/catalog/transcripts/transcript-files";
import {
  type TranscriptFileKeys,
  transcriptFileKeys,
} from "@/lib/catalog/transcripts/transcript-keys";
import type { TranscriptionEnv } from "@/lib/platform/config/transcription-env";
import type { Db } from "@/lib/platform/db/client";
import { findNormalisedAudio, withLocalAudio } from "../audio/with-local-audio";
import type { MachineProvider } from "../transcribe-sermon-audio";
import { AlignmentTooLargeError } from "./align-token-sequences";
import { alignTranscriptToManuscript } from "./align-transcript-to-manuscript";
import { manuscriptDigest } from "./manuscript-digest";
import { parseManuscript } from "./parse-manuscript";
import { recogniseWithManuscript } from "./recognise-with-manuscript";

export interface ManuscriptAlignment extends TranscriptFileKeys {
  /** False when the sermon has no manuscript: the keys are then the machine transcript's. */
  isAligned: boolean;
  wordCount: number;
  droppedSentences: number;
  departures: number;
}

/**
 * The version's machine transcript, aligned with the sermon's manuscript when it has one, as a
 * words file of its own (named after the manuscript, so a changed manuscript is a new
 * transcript and a retried step rewrites the same file). With the local recogniser the audio
 * is heard again, biased to the manuscript, and the first hearing supplies the words for speech
 * the manuscript lacks; a hosted recogniser's words are aligned as they are.
 */
export async function alignVersionWithManuscript(
  deps: { db: Db; storage: TranscriptStorage; env: TranscriptionEnv; workRoot?: string },
  version: SermonVersion,
  provider: MachineProvider,
): Promise<ManuscriptAlignment> {
  const machineKeys = transcriptFileKeys(version, provider);
  const sermon = await deps.db.sermon.findFirst({
    where: { id: version.sermonId, churchId: version.churchId },
    select: { manuscript: true },
  });
  const manuscript = parseManuscript(sermon?.manuscript ?? "");
  const machine = await readWordsFile(deps.storage, machineKeys.wordsKey);
  const unaligned = (): ManuscriptAlignment => ({
    ...machineKeys,
    isAligned: false,
    wordCount: machine.words.length,
    droppedSentences: 0,
    departures: 0,
  });
  if (!manuscript.length) return unaligned();
  let heard = machine;
  if (provider === "local") {
    const media = await findNormalisedAudio(deps.db, version);
    heard = await withLocalAudio(deps, media, (audio) =>
      recogniseWithManuscript(
        audio,
        manuscript,
        {
          processes: deps.env.LOCAL_TRANSCRIPTION_PROCESSES,
          timeoutSeconds: deps.env.TRANSCRIPTION_TIMEOUT_SECONDS,
        },
        deps.workRoot,
      ),
    );
  }
  let aligned;
  try {
    aligned = alignTranscriptToManuscript(
      manuscript,
      heard.words,
      provider === "local" ? machine.words : undefined,
    );
  } catch (error) {
    // A manuscript far longer than the sermon: the recognised transcript stands.
    if (error instanceof AlignmentTooLargeError) return unaligned();
    throw error;
  }
  const keys = transcriptFileKeys(
    version,
    `${provider}-manuscript-${manuscriptDigest(sermon?.manuscript)}`,
  );
  await writeWordsFile(deps.storage, keys.wordsKey, {
    provider,
    model: provider === "local" ? heard.model : `${machine.model ?? provider} + manuscript`,
    language: machine.language,
    confidence: machine.confidence,
    segments: aligned.segments,
    words: aligned.words,
  });
  return {
    ...keys,
    isAligned: true,
    wordCount: aligned.words.length,
    droppedSentences: aligned.droppedSentences,
    departures: aligned.departures,
  };
}
