import { inngest } from "@/inngest/client";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { getDb } from "@/lib/platform/db/client";
import {
  republishStuckSermons,
  stuckSweepEnvSchema,
} from "@/lib/pipeline/recovery/republish-stuck-sermons";

/**
 * Every 10 minutes: restarts the stage of any sermon stuck in processing longer than
 * SERMON_STUCK_AFTER_MINUTES, through the outbox; fails it after SERMON_STUCK_MAX_RESENDS.
 */
export const sweepStuckSermons = inngest.createFunction(
  {
    id: "sweep-stuck-sermons",
    name: "Restart sermons stuck in processing",
    triggers: [{ cron: "*/10 * * * *" }],
    concurrency: [{ limit: 1 }],
    retries: 2,
  },
  async ({ step }) => {
    const env = parseEnv(stuckSweepEnvSchema, process.env);
    return step.run("Re-publish the events of stuck sermons", () =>
      republishStuckSermons(getDb(), {
        stuckAfterMs: env.SERMON_STUCK_AFTER_MINUTES * 60_000,
        maxResends: env.SERMON_STUCK_MAX_RESENDS,
      }),
    );
  },
);
