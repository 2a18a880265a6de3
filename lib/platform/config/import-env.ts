import { z } from "zod";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { parseAllowedHosts } from "@/lib/platform/net/allowed-hosts";

/**
 * The podcast feed import's server-side fetches (lib/platform/net/safe-fetch.ts).
 *
 * IMPORT_ALLOWED_HOSTS: `host[:port]` entries, comma-separated, that may be fetched although
 * they are not public addresses (a media server on the church's own network). Nothing else
 * private, loopback or link-local is ever fetched.
 *
 * IMPORT_MAX_BYTES: the largest audio file fetched. A larger announced size is refused before
 * the download, a longer body cut off there. The default (1 GiB) holds hours of sermon audio.
 */
export const importEnvSchema = z.object({
  IMPORT_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return parseAllowedHosts(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  IMPORT_MAX_BYTES: z.coerce
    .number({ message: "expected a size in bytes" })
    .int("expected a whole number of bytes")
    .min(1024 * 1024, "expected at least 1 MiB (1048576)")
    .default(1024 ** 3),
});

export type ImportEnv = z.output<typeof importEnvSchema>;

/** Read where an import runs (the functions, the CLI); start-up has validated it already. */
export const importEnv = (env: Env = process.env): ImportEnv => parseEnv(importEnvSchema, env);
