import { z } from "zod";

type InngestKey = "INNGEST_SIGNING_KEY" | "INNGEST_EVENT_KEY";

/** What the SDK and Inngest accept: `signkey-<env>-` and the key's hex (the SDK hashes its bytes). */
const signingKeySchema = z
  .string()
  .regex(
    /^signkey-\w+-(?:[0-9a-fA-F]{2})+$/,
    "expected signkey-<env>-<hex>, as Inngest's dashboard shows it or as given to inngest start --signing-key",
  );

/**
 * The variables the Inngest SDK reads itself, validated here so a bad value stops start-up
 * instead of surfacing as a failed sync. Dev mode (INNGEST_DEV) is the Inngest Dev Server's open
 * mode; otherwise the SDK is in cloud (signed) mode — Inngest Cloud, self-hosted Inngest, or
 * engine/ as `npm start` runs it — and needs its keys.
 */
function inngestEnvFor(required: readonly InngestKey[]) {
  return z
    .object({
      INNGEST_DEV: z
        .string()
        .regex(
          /^(0|1|true|false|https?:\/\/\S+|[\w.-]+:\d+)$/,
          "expected 1, 0, true, false or the dev server's URL",
        )
        .optional(),
      INNGEST_BASE_URL: z.url({ message: "expected the Inngest server's URL" }).optional(),
      INNGEST_EVENT_KEY: z.string().min(1).optional(),
      INNGEST_SIGNING_KEY: signingKeySchema.optional(),
      INNGEST_SIGNING_KEY_FALLBACK: signingKeySchema.optional(),
      // `false`: only signed syncs; an unsigned PUT (whose Host header names the URL) gets 401.
      INNGEST_ENABLE_UNAUTHED_SYNC: z
        .enum(["true", "false", "1", "0"], { message: "expected true or false" })
        .optional(),
      // The app's public origin, reported at sync instead of the request's Host header.
      INNGEST_SERVE_ORIGIN: z
        .url({ message: "expected the app's public origin, e.g. https://sermons.example.org" })
        .optional(),
    })
    .superRefine((env, ctx) => {
      if (isDevMode(env.INNGEST_DEV)) return;
      for (const name of required) {
        if (!env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message:
              "is required when INNGEST_DEV is not set (cloud or self-hosted Inngest, or npm start's engine)",
          });
        }
      }
    });
}

/** The web app serves the functions: it verifies signed calls (signing key). */
export const inngestEnvSchema = inngestEnvFor(["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"]);

/** The worker only sends events: the event key, and no signing key it would not use. */
export const inngestSenderEnvSchema = inngestEnvFor(["INNGEST_EVENT_KEY"]);

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
