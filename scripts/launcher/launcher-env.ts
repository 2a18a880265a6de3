import path from "node:path";
import { z } from "zod";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { parseTrustedProxies } from "./trusted-proxies.mjs";

const port = (fallback: number) =>
  z.coerce
    .number({ message: "expected a port number" })
    .int("expected a port number")
    .min(0, "expected 0 (any free port) to 65535")
    .max(65535, "expected 0 (any free port) to 65535")
    .default(fallback);

/** What the launcher itself needs; each service validates its own variables too. */
export const launcherEnvSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  SELAH_DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_PORT: port(5433),
  FAUXQS_PORT: port(4566),
  ENGINE_PORT: port(8288),
  SQS_MAX_RECEIVE_COUNT: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected 1 to 1000")
    .max(1000, "expected 1 to 1000")
    .default(5),
  SQS_VISIBILITY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(43_200).default(60),
  /** The demo church Grace Chapel, on the embedded database. */
  SELAH_SEED: z.stringbool({ error: "expected true or false" }).default(true),
  /** With SELAH_SEED, its sermons too: read aloud and processed in the background at start. */
  SELAH_DEMO_SERMONS: z.stringbool({ error: "expected true or false" }).default(true),
  /** Whose X-Forwarded-For the web app believes (scripts/launcher/forwarded-headers.mjs). */
  TRUSTED_PROXIES: z
    .string()
    .default("loopback")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

export type LauncherEnv = z.output<typeof launcherEnvSchema> & { dataDir: string };

export function readLauncherEnv(env: Env = process.env): LauncherEnv {
  const parsed = parseEnv(launcherEnvSchema, env);
  return { ...parsed, dataDir: path.resolve(parsed.SELAH_DATA_DIR) };
}

/** One of the variables `npm run` sets for its scripts (`npm_config_cache`, `npm_package_name`…). */
export const isNpmVariable = (key: string): boolean => key.startsWith("npm_");

/**
 * `env` without the ~30 variables `npm run` adds for its own scripts (npm_config_*,
 * npm_package_*, …), which no service reads. Every service pays for them: the Inngest SDK copies
 * the environment, one slow native read a variable, over a dozen times a request (83 µs a copy
 * with them, 28 µs without, on this machine), in the web app for each step it runs and in the
 * worker for each batch it forwards.
 */
export function withoutNpmVariables(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !isNpmVariable(key)));
}
