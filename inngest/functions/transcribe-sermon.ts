import { inngest } from "@/inngest/client";
import { sermonTranscriptionRequested } from "@/lib/pipeline/events/pipeline-events";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { transcriptionEnvSchema } from "@/lib/platform/config/transcription-env";
import { getDb } from "@/lib/platform/db/client";
import { recordProcessingFailure } from "@/lib/pipeline/media-publishing/record-processing-failure";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import { describeTranscriptionFailure } from "@/lib/pipeline/transcription/describe-transcription-failure";
import { planTranscription } from "@/lib/pipeline/transcription/plan-transcription";
import { adoptProvidedTranscript } from "@/lib/pipeline/transcription/store-provided-transcript";
import { storeTranscript } from "@/lib/pipeline/transcription/store-transcript";
import { transcribeSermonAudio } from "@/lib/pipeline/transcription/transcribe-sermon-audio";
import { readWordsFile } from "@/lib/catalog/transcripts/transcript-files";
import { alignVersionWithManuscript } from "@/lib/pipeline/transcription/manuscript/align-version-with-manuscript";
import { writeCaptionsFile } from "@/lib/pipeline/transcription/write-captions-file";

// Read per run, not at import: the same build serves every configuration.
const transcriptionEnv = () => parseEnv(transcriptionEnvSchema, process.env);

/**
 * `sermon/transcription.requested` → transcript, captions and spoken scripture → `sermon/transcribed`.
 *
 * Transcription, captions and storage are separate steps: an outage at the provider retries
 * only the provider call, and nothing large passes through step output (steps return keys
 * and counts; the transcript itself travels through S3).
 */
export const transcribeSermon = inngest.createFunction(
  {
    id: "transcribe-sermon",
    name: "Transcribe a streamable sermon",
    triggers: [sermonTranscriptionRequested],
    // The local recogniser keeps two cores busy per sermon; the hosted ones rate-limit.
    concurrency: [{ limit: 2 }, { limit: 1, key: "event.data.sermonId" }],
    retries: 4,
    onFailure: async ({ event, error }) => {
      await recordProcessingFailure(
        getDb(),
        event.data.event.data,
        describeTranscriptionFailure(error),
      );
    },
  },
  async ({ event, step }) => {
    const version = event.data;
    // Failures are mapped by the client's AppErrorMiddleware: a bad setting (InvalidEnvError) or
    // a provider's refusal ends the run at once; an outage waits for the provider's Retry-After.
    const plan = await step.run("Choose the transcriber", () =>
      planTranscription(getDb(), version, transcriptionEnv()),
    );
    if ("skipped" in plan) return plan;
    const { provider } = plan;

    if (provider === "provided") {
      const transcriptId = await step.run("Adopt the uploaded transcript", () =>
        adoptProvidedTranscript(getDb(), version),
      );
      return transcriptId
        ? { provider, transcriptId }
        : { provider, skipped: "waiting for the admin to upload captions" };
    }

    const transcribed = await step.run(`Transcribe the audio with ${provider}`, () =>
      transcribeSermonAudio(
        { db: getDb(), storage: mediaStorage(), env: transcriptionEnv() },
        version,
        provider,
      ),
    );
    // With a manuscript, its words timed against the audio become the transcript.
    const alignment = await step.run("Align with the manuscript", () =>
      alignVersionWithManuscript(
        { db: getDb(), storage: mediaStorage(), env: transcriptionEnv() },
        version,
        provider,
      ),
    );
    const keys = { wordsKey: alignment.wordsKey, vttKey: alignment.vttKey };
    const captions = await step.run("Write the captions", () =>
      writeCaptionsFile(mediaStorage(), keys),
    );
    const stored = await step.run("Store the transcript and announce it", async () => {
      const transcript = await readWordsFile(mediaStorage(), keys.wordsKey);
      return storeTranscript(getDb(), version, transcript, keys);
    });
    if (!stored) return { skipped: "replaced meanwhile by a newer upload or by uploaded captions" };
    return {
      provider,
      ...stored,
      wordCount: transcribed.wordCount,
      captionBytes: captions.bytes,
      scripture: transcribed.scripture,
      alignedWithManuscript: alignment.isAligned,
    };
  },
);
