import { z } from "zod";

/**
 * MEDIA_MEMORY_CACHE_MB: how much of the most recently served HLS segments the web process
 * keeps in memory (segments never change once written), so the listeners of a popular sermon
 * are served without a storage request each. 0 turns it off.
 */
export const mediaServingEnvSchema = z.object({
  MEDIA_MEMORY_CACHE_MB: z.coerce
    .number({ message: "expected a number of megabytes" })
    .int("expected a whole number of megabytes")
    .min(0, "expected 0 (off) or more")
    .max(16_384, "expected at most 16384 (16 GB)")
    .default(64),
});
