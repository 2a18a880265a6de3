import { inngest } from "@/inngest/client";
import { startFeedSyncs } from "@/lib/pipeline/import/sync-feeds";
import { getDb } from "@/lib/platform/db/client";

/**
 * Every hour: an import of each feed a church keeps in sync (FeedSource.keepInSync); each adds
 * only the items it has not seen (import-feed does the work).
 */
export const syncFeeds = inngest.createFunction(
  {
    id: "sync-feeds",
    name: "Import what is new in the feeds kept in sync",
    triggers: [{ cron: "0 * * * *" }],
    concurrency: [{ limit: 1 }],
    retries: 2,
  },
  async ({ step }) =>
    step.run("Start an import of every feed kept in sync", () => startFeedSyncs(getDb())),
);
