import { inngest } from "@/inngest/client";
import { purgeRawPlayEvents } from "@/lib/catalog/insights/purge-raw-play-events";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { insightsEnvSchema } from "@/lib/platform/config/insights-env";
import { getDb } from "@/lib/platform/db/client";

/**
 * Every 5 minutes: the insights dashboard's daily rollups from the player's raw reports, then
 * the purge of reports older than ANALYTICS_RAW_EVENT_DAYS (the rollups keep their counts).
 */
export const rollUpListeningFunction = inngest.createFunction(
  {
    id: "roll-up-listening",
    name: "Roll up listening and purge raw play reports",
    triggers: [{ cron: "*/5 * * * *" }],
    concurrency: [{ limit: 1 }],
    retries: 2,
  },
  async ({ step }) => {
    const env = parseEnv(insightsEnvSchema, process.env);
    // The purge rolls up first, so a day's counts are in the rollups before its reports go.
    return step.run("Roll up listening, purge reports past their days", () =>
      purgeRawPlayEvents(getDb(), { keepDays: env.ANALYTICS_RAW_EVENT_DAYS }),
    );
  },
);
