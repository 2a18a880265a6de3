import { z } from "zod";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";

/**
 * SERMON_TRANSCODE_CONCURRENCY: how many sermons are transcoded at once across every machine
 * serving the functions (Inngest applies the limit to the whole app, not per process). Each run
 * keeps a machine's cores busy, so at scale this is roughly the number of transcoding machines;
 * the default suits the one-machine embedded setup: a second upload starts at once instead of
 * queueing behind a whole hour of transcoding.
 *
 * SERMON_MAX_DURATION_MINUTES: longer recordings are refused right after the probe, before any
 * work is spent on them. The default (12 h) lets a long service or a conference day through;
 * past the ceiling (24 h) a file is a recorder left running, not a sermon.
 */
export const processingEnvSchema = z.object({
  SERMON_TRANSCODE_CONCURRENCY: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected 1 to 100")
    .max(100, "expected 1 to 100")
    .default(2),
  SERMON_MAX_DURATION_MINUTES: z.coerce
    .number({ message: "expected a whole number of minutes" })
    .int("expected a whole number of minutes")
    .min(1, "expected 1 to 1440 minutes (24 hours)")
    .max(1440, "expected 1 to 1440 minutes (24 hours)")
    .default(720),
});

/**
 * The configured maximum, read where it is enforced (publishSermonMedia's probe) rather than
 * threaded through every caller; the functions' module validates the whole schema at start-up, so a bad value
 * never gets this far.
 */
export function maxSermonDurationMinutes(env: Env = process.env): number {
  return parseEnv(processingEnvSchema.pick({ SERMON_MAX_DURATION_MINUTES: true }), env)
    .SERMON_MAX_DURATION_MINUTES;
}
