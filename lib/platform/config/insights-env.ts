import { z } from "zod";

/**
 * Listening insights (lib/catalog/insights/).
 *
 * ANALYTICS_RAW_EVENT_DAYS: how many days the player's raw reports (each with its day's listener
 * hash) are kept before the purge deletes them; the per-day rollups stay. At least 1, so a day
 * is complete and rolled up before its events go.
 */
export const insightsEnvSchema = z.object({
  ANALYTICS_RAW_EVENT_DAYS: z.coerce
    .number({ message: "expected a whole number of days" })
    .int("expected a whole number of days")
    .min(1, "expected at least 1 (a day is rolled up once it is over)")
    .max(30, "expected at most 30 (raw reports are kept briefly by design)")
    .default(2),
});
