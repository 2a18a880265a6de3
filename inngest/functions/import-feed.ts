import { inngest } from "@/inngest/client";
import { feedImportContinued, feedImportRequested } from "@/lib/pipeline/events/pipeline-events";
import { importFeedItem } from "@/lib/pipeline/import/import-feed-item";
import { serverImportDeps } from "@/lib/pipeline/import/import-deps";
import {
  continueFeedImport,
  failFeedImport,
  finishFeedImport,
  nextImportItems,
} from "@/lib/pipeline/import/import-pages";
import { registerFeedItems } from "@/lib/pipeline/import/register-feed-items";
import { getDb } from "@/lib/platform/db/client";

/**
 * `feed/import.requested` → the feed read and its new items recorded → each item imported in
 * its own step (its audio fetched, stored and handed to the pipeline as an upload's completion
 * does), a page of items per run; `feed/import.continued` starts the run for the next page.
 *
 * Every item is a step, so after a crash the run resumes at the item it was on; a page keeps a
 * run far below the step limit whatever the feed's length. An item whose source fails is
 * recorded as failed inside its step and the import goes on; an unreadable feed ends the run.
 */
export const importFeed = inngest.createFunction(
  {
    id: "import-feed",
    name: "Import a podcast feed's items as sermons",
    triggers: [feedImportRequested, feedImportContinued],
    // Each fetch streams up to IMPORT_MAX_BYTES; a few imports at once, one run per import.
    concurrency: [{ limit: 2 }, { limit: 1, key: "event.data.importId" }],
    retries: 3,
    onFailure: async ({ event, error }) => {
      await failFeedImport(getDb(), event.data.event.data.importId, error);
    },
  },
  async ({ event, step }) => {
    const { churchId, importId } = event.data;
    const page = "page" in event.data ? event.data.page : 0;
    // A feed that cannot be read (FetchRefusedError, FeedRejectedError) ends the run at once:
    // the client's AppErrorMiddleware; onFailure records why.
    const registered =
      page === 0
        ? await step.run("Read the feed and record its new items", () =>
            registerFeedItems(serverImportDeps(), importId),
          )
        : null;
    const itemIds = await step.run("Take the next items", () => nextImportItems(getDb(), importId));
    const outcomes: Record<string, number> = {};
    for (const itemId of itemIds) {
      const { outcome } = await step.run(`Import item ${itemId}`, () =>
        importFeedItem(serverImportDeps(), importId, itemId),
      );
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    if (itemIds.length) {
      await step.run("Continue with the next items", () =>
        continueFeedImport(getDb(), { churchId, importId, page: page + 1 }),
      );
      return { registered, page, outcomes, continues: true };
    }
    const summary = await step.run("Finish the import", () => finishFeedImport(getDb(), importId));
    return { registered, page, summary };
  },
);
