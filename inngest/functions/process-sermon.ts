import { inngest } from "@/inngest/client";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { getDb } from "@/lib/platform/db/client";
import { discardRejectedUpload } from "@/lib/pipeline/media-publishing/discard-rejected-upload";
import { isCurrentUpload } from "@/lib/pipeline/media-publishing/is-current-upload";
import { isMediaRejection } from "@/lib/pipeline/media-publishing/is-media-rejection";
import { describeProcessingFailure } from "@/lib/pipeline/media-publishing/processing-failure";
import { processingEnvSchema } from "@/lib/platform/config/processing-env";
import { publishSermonMedia } from "@/lib/pipeline/media-publishing/publish-sermon-media";
import { recordProcessedMedia } from "@/lib/pipeline/media-publishing/record-processed-media";
import { recordProcessingFailure } from "@/lib/pipeline/media-publishing/record-processing-failure";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

// Read once: the limit is part of the function's configuration, synced to Inngest. Parsing the
// whole schema also stops start-up on a bad SERMON_MAX_DURATION_MINUTES (the probe applies it).
const { SERMON_TRANSCODE_CONCURRENCY: transcodeConcurrency } = parseEnv(
  processingEnvSchema,
  process.env,
);

/**
 * `sermon/uploaded` → streamable sermon → `sermon/transcription.requested`.
 *
 * The media stage is a single step: its download, ffmpeg work and uploads share one disk and
 * cannot be split across calls. It marks the sermon streamable itself, mid-step, as soon as
 * the first segments of every rendition are up, and returns only keys and sizes.
 */
export const processSermon = inngest.createFunction(
  {
    id: "process-sermon",
    name: "Process an uploaded sermon",
    triggers: [sermonUploaded],
    // Transcoding is CPU-bound (see processingEnvSchema); one run per sermon at a time, so a
    // re-delivered or re-sent upload never races its twin over the same keys.
    concurrency: [{ limit: transcodeConcurrency }, { limit: 1, key: "event.data.sermonId" }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      const upload = event.data.event.data;
      await recordProcessingFailure(getDb(), upload, describeProcessingFailure(error));
      // An unusable file is deleted; after transient failures the original is what a retry needs.
      if (isMediaRejection(error)) {
        await discardRejectedUpload({ db: getDb(), storage: mediaStorage() }, upload);
      }
    },
  },
  async ({ event, step }) => {
    const upload = event.data;
    const isCurrent = await step.run("Check the upload is still the sermon's latest", () =>
      isCurrentUpload(getDb(), upload),
    );
    if (!isCurrent) return { skipped: "a newer upload replaced this one" };

    // An unusable file (MediaRejectedError) ends the run at once: the client's AppErrorMiddleware.
    const media = await step.run("Transcode the recording and publish it for streaming", () =>
      publishSermonMedia({ db: getDb(), storage: mediaStorage() }, upload),
    );

    const isRecorded = await step.run("Record the media and request transcription", () =>
      recordProcessedMedia(getDb(), upload, media),
    );
    return {
      durationMs: media.durationMs,
      streamableAfterMs: media.streamableAfterMs,
      segmentCount: media.segmentCount,
      isRecorded,
    };
  },
);
