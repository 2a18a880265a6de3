import { z } from "zod";

/**
 * MEDIA_MEMORY_CACHE_MB: how much of the most recently served HLS segments and downloads the
 * web process keeps in memory (they never change once written), so the listeners of a popular
 * sermon, and the range requests of players seeking in its download, are served without a
 * storage request each. One file is kept only up to a quarter of it (32 MB by default: a
 * download of about an hour at 64 kbit/s). 0 turns it off.
 */
export const mediaServingEnvSchema = z.object({
  MEDIA_MEMORY_CACHE_MB: z.coerce
    .number({ message: "expected a number of megabytes" })
    .int("expected a whole number of megabytes")
    .min(0, "expected 0 (off) or more")
    .max(16_384, "expected at most 16384 (16 GB)")
    .default(128),
});
