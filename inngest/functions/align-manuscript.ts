import { inngest } from "@/inngest/client";
import { readWordsFile } from "@/lib/catalog/transcripts/transcript-files";
import { sermonManuscriptChanged } from "@/lib/pipeline/events/pipeline-events";
import { alignVersionWithManuscript } from "@/lib/pipeline/transcription/manuscript/align-version-with-manuscript";
import { findMachineTranscript } from "@/lib/pipeline/transcription/manuscript/find-machine-transcript";
import { storeTranscript } from "@/lib/pipeline/transcription/store-transcript";
import { writeCaptionsFile } from "@/lib/pipeline/transcription/write-captions-file";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { transcriptionEnvSchema } from "@/lib/platform/config/transcription-env";
import { getDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

const transcriptionEnv = () => parseEnv(transcriptionEnvSchema, process.env);

/**
 * `sermon/manuscript.changed` → the transcript aligned with the new manuscript (or, with it
 * removed, the recogniser's own again) → re-indexed. The same steps as the end of
 * transcription; a failure leaves the current transcript as it was.
 */
export const alignManuscript = inngest.createFunction(
  {
    id: "align-manuscript",
    name: "Align a transcript with its manuscript",
    triggers: [sermonManuscriptChanged],
    // Shares the recogniser's cores with transcription; one run per sermon at a time.
    concurrency: [{ limit: 1 }, { limit: 1, key: "event.data.sermonId" }],
    retries: 2,
  },
  async ({ event, step }) => {
    const { requestId: _requestId, ...version } = event.data;
    const provider = await step.run("Find the recognised transcript", () =>
      findMachineTranscript(getDb(), version),
    );
    if (!provider) return { skipped: "no recognised transcript of this upload to align" };
    const alignment = await step.run("Align with the manuscript", () =>
      alignVersionWithManuscript(
        { db: getDb(), storage: mediaStorage(), env: transcriptionEnv() },
        version,
        provider,
      ),
    );
    const keys = { wordsKey: alignment.wordsKey, vttKey: alignment.vttKey };
    await step.run("Write the captions", () => writeCaptionsFile(mediaStorage(), keys));
    const stored = await step.run("Store the transcript and announce it", async () => {
      const transcript = await readWordsFile(mediaStorage(), keys.wordsKey);
      return storeTranscript(getDb(), version, transcript, keys);
    });
    if (!stored) return { skipped: "replaced meanwhile by a newer upload or by uploaded captions" };
    return { provider, ...alignment, ...stored };
  },
);
