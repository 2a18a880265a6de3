import { z } from "zod";

/**
 * How many sermons are transcoded at once across every machine serving the functions
 * (Inngest applies the limit to the whole app, not per process). Each run keeps a machine's
 * cores busy, so at scale this is roughly the number of transcoding machines; the default
 * suits the one-machine embedded setup: a second upload starts at once instead of queueing
 * behind a whole hour of transcoding.
 */
export const processingEnvSchema = z.object({
  SERMON_TRANSCODE_CONCURRENCY: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected 1 to 100")
    .max(100, "expected 1 to 100")
    .default(2),
});
