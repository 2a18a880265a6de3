import { inngest } from "@/inngest/client";
import { sermonReindexRequested, sermonTranscribed } from "@/lib/pipeline/events/pipeline-events";
import { getDb } from "@/lib/platform/db/client";
import { configuredEmbedder } from "@/lib/search/embeddings/configured-embedder";
import { recordProcessingFailure } from "@/lib/pipeline/media-publishing/record-processing-failure";
import { indexSermon } from "@/lib/pipeline/indexing/index-sermon";
import { chapterSermon } from "@/lib/pipeline/chapters/chapter-sermon";

/**
 * `sermon/transcribed` or `sermon/reindex.requested` → searchable sermon → `sermon/indexed`,
 * then its automatic chapters from the same transcript.
 *
 * Indexing is one step: the vectors are too large for step output, so embedding and the atomic
 * swap of the sermon's chunks happen together; a retry embeds again and swaps again
 * (idempotent). Chapters are their own step, after it, so search never waits on them and a
 * retry of theirs does not embed again; an admin's chapters are kept (`replaceAutoChapters`).
 */
export const indexSermonFunction = inngest.createFunction(
  {
    id: "index-sermon",
    name: "Index a transcribed sermon for search",
    triggers: [sermonTranscribed, sermonReindexRequested],
    // Embedding providers rate-limit; a few sermons at a time, one run per sermon.
    concurrency: [{ limit: 4 }, { limit: 1, key: "event.data.sermonId" }],
    retries: 4,
    onFailure: async ({ event, error }) => {
      const version = event.data.event.data;
      await recordProcessingFailure(getDb(), version, {
        stage: "index",
        reason:
          "The sermon plays, but we could not make it searchable even after several attempts. " +
          `Retry indexing later. (Technical detail: ${error.message.slice(0, 300)})`,
      });
    },
  },
  async ({ event, step }) => {
    const { sermonId, churchId, mediaVersion } = event.data;
    // No transcript (MissingTranscriptError) or a wrong EMBEDDING_DIMENSIONS ends the run at
    // once (the client's AppErrorMiddleware); provider failures are retried.
    const version = { sermonId, churchId, mediaVersion };
    const indexed = await step.run(
      "Embed the transcript's moments and swap them into the index",
      () => indexSermon({ db: getDb(), embedder: configuredEmbedder() }, version),
    );
    const chapters = await step.run("Divide the sermon into chapters", () =>
      chapterSermon(getDb(), version),
    );
    return { ...indexed, chapters };
  },
);
