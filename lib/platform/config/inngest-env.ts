import { z } from "zod";

/**
 * The variables the Inngest SDK reads itself, validated here so a bad value stops start-up
 * instead of surfacing as a failed sync. Dev mode (INNGEST_DEV) talks to engine/ or the dev
 * server; otherwise the SDK is in cloud mode and needs its keys.
 */
export const inngestEnvSchema = z
  .object({
    INNGEST_DEV: z
      .string()
      .regex(/^(0|1|true|false|https?:\/\/\S+|[\w.-]+:\d+)$/, "expected 1, 0, true, false or the dev server's URL")
      .optional(),
    INNGEST_BASE_URL: z.url({ message: "expected the Inngest server's URL" }).optional(),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().startsWith("signkey-", "expected a key starting with signkey-").optional(),
  })
  .superRefine((env, ctx) => {
    if (isDevMode(env.INNGEST_DEV)) return;
    for (const name of ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const) {
      if (!env[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when INNGEST_DEV is not set (cloud or self-hosted Inngest)",
        });
      }
    }
  });

function isDevMode(value: string | undefined): boolean {
  return value !== undefined && value !== "0" && value !== "false";
}

/** Where the Inngest API lives, resolved the way the SDK resolves it. */
export function inngestApiBaseUrl(env: z.output<typeof inngestEnvSchema>): string {
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL;
  const dev = env.INNGEST_DEV;
  if (dev && isDevMode(dev) && dev !== "1" && dev !== "true") {
    return dev.startsWith("http") ? dev : `http://${dev}`;
  }
  return isDevMode(dev) ? "http://localhost:8288" : "https://api.inngest.com";
}
