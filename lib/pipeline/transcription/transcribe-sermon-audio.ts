import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import {
  missingProviderKey,
  type TranscriptionEnv,
  type TranscriptionProviderName,
} from "@/lib/platform/config/transcription-env";
import type { Db } from "@/lib/platform/db/client";
import { findNormalisedAudio, withLocalAudio } from "./audio/with-local-audio";
import { transcribeWithDeepgram } from "@/lib/pipeline/transcription/deepgram/transcribe-with-deepgram";
import { transcribeLocally } from "@/lib/pipeline/transcription/local/transcribe-locally";
import { transcribeWithOpenAi } from "@/lib/pipeline/transcription/openai/transcribe-with-openai";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { type TranscriptStorage, writeWordsFile } from "@/lib/catalog/transcripts/transcript-files";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { transcriptFileKeys } from "@/lib/catalog/transcripts/transcript-keys";
import { snapTranscriptScripture } from "./scripture-snap/snap-transcript-scripture";
import { TranscriptionRejectedError } from "./transcription-errors";

export type MachineProvider = Exclude<TranscriptionProviderName, "provided">;

export interface TranscribeDeps {
  db: Db;
  storage: TranscriptStorage;
  env: TranscriptionEnv;
  /** Parent of the per-run work folder (default: the OS temp dir). */
  workRoot?: string;
}

/** What the step returns: keys and counts, never the transcript itself. */
export interface TranscribedAudio {
  provider: MachineProvider;
  wordsKey: string;
  segmentCount: number;
  wordCount: number;
  /** What scripture snapping did ("2 read passages snapped to the WEB", or why it did not run). */
  scripture: string;
}

/** Deepgram fetches the audio itself; the URL outlives a long queue at Deepgram, not much more. */
const PRESIGNED_URL_SECONDS = 60 * 60;

/**
 * Runs one machine transcriber on the version's normalised audio (the processing stage's
 * download rendition), snaps the passages read aloud to the Bible's text, and writes the
 * result as the words file. Deepgram gets a presigned URL; the others work from a local copy,
 * cut at the silence map when they need pieces.
 */
export async function transcribeSermonAudio(
  deps: TranscribeDeps,
  version: SermonVersion,
  provider: MachineProvider,
): Promise<TranscribedAudio> {
  const { env, storage } = deps;
  const missing = missingProviderKey(env, provider);
  if (missing)
    throw new TranscriptionRejectedError(
      `Transcription with ${provider} is not configured: ${missing.variable} ${missing.message}.`,
    );
  const media = await findNormalisedAudio(deps.db, version);
  const timeoutSeconds = env.TRANSCRIPTION_TIMEOUT_SECONDS;

  let transcript: MachineTranscript;
  if (provider === "deepgram") {
    const url = await getSignedUrl(
      storage.s3,
      new GetObjectCommand({ Bucket: storage.bucket, Key: media.audioKey }),
      {
        expiresIn: PRESIGNED_URL_SECONDS,
      },
    );
    transcript = await transcribeWithDeepgram(url, {
      apiKey: env.DEEPGRAM_API_KEY ?? "",
      ...(env.DEEPGRAM_BASE_URL ? { baseUrl: env.DEEPGRAM_BASE_URL } : {}),
      model: env.DEEPGRAM_MODEL,
      language: env.TRANSCRIPTION_LANGUAGE,
      timeoutSeconds,
    });
  } else {
    transcript = await withLocalAudio(deps, media, (audio) =>
      provider === "openai"
        ? transcribeWithOpenAi(audio, {
            apiKey: env.TRANSCRIPTION_OPENAI_API_KEY ?? env.OPENAI_API_KEY ?? "",
            ...(env.TRANSCRIPTION_OPENAI_BASE_URL || env.OPENAI_BASE_URL
              ? { baseUrl: env.TRANSCRIPTION_OPENAI_BASE_URL ?? env.OPENAI_BASE_URL }
              : {}),
            model: env.TRANSCRIPTION_OPENAI_MODEL,
            language: env.TRANSCRIPTION_LANGUAGE,
            maxBytes: env.TRANSCRIPTION_OPENAI_MAX_BYTES,
            timeoutSeconds,
          })
        : transcribeLocally(audio, {
            processes: env.LOCAL_TRANSCRIPTION_PROCESSES,
            timeoutSeconds,
          }),
    );
  }

  // Before the words file is written: captions, segments and search all read the snapped words.
  const snapped = await snapTranscriptScripture(transcript, env);
  transcript = snapped.transcript;
  const { wordsKey } = transcriptFileKeys(version, provider);
  await writeWordsFile(storage, wordsKey, transcript);
  return {
    provider,
    wordsKey,
    segmentCount: transcript.segments.length,
    wordCount: transcript.words.length,
    scripture: snapped.outcome,
  };
}
