import { z } from "zod";
import { EngineConfigError } from "./errors";
import { SIGNING_KEY_PATTERN } from "./signing";

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const signingKey = z
  .string()
  .regex(
    SIGNING_KEY_PATTERN,
    "expected signkey-<env>-<hex>, e.g. signkey-prod- followed by 64 hex digits",
  )
  .optional();

const engineEnvSchema = z
  .object({
    ENGINE_PORT: integer(0, 65535).default(8288),
    ENGINE_HOST: z.string().min(1).default("127.0.0.1"),
    ENGINE_DATA_DIR: z.string().min(1).default(".data/engine"),
    ENGINE_APP_URLS: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(",")
          .map((url) => url.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
    ENGINE_SYNC_INTERVAL_MS: integer(0, 86_400_000).default(5000),
    ENGINE_SYNC_KIND: z.enum(["in_band", "out_of_band"]).default("in_band"),
    ENGINE_BACKOFF_SCALE: z.coerce.number().min(0).max(100).default(1),
    ENGINE_MAX_INFLIGHT: integer(1, 10_000).default(100),
    ENGINE_CALL_TIMEOUT_MS: integer(1000, 7_200_000).default(7_200_000),
    ENGINE_RETENTION_HOURS: z.coerce.number().min(0).default(168),
    ENGINE_CHECKPOINTING: z
      .enum(["true", "false", "1", "0"])
      .default("true")
      .transform((v) => v === "true" || v === "1"),
    ENGINE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Selah's LOG_FORMAT: json writes one object a line (the launcher sets it for its children).
    LOG_FORMAT: z.enum(["json", "pretty"]).default("pretty"),
    // The names `inngest start` reads: with a signing key the engine runs in signed mode.
    INNGEST_SIGNING_KEY: signingKey,
    INNGEST_SIGNING_KEY_FALLBACK: signingKey,
    INNGEST_EVENT_KEY: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(",")
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[\w.~-]+$/,
              "expected event keys of letters, digits, _ . ~ -, comma-separated",
            ),
        ),
      ),
  })
  .superRefine((env, ctx) => {
    if (env.INNGEST_SIGNING_KEY && env.INNGEST_EVENT_KEY.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_EVENT_KEY"],
        message:
          "is required with INNGEST_SIGNING_KEY (signed mode accepts events only with a key)",
      });
    }
    if (env.INNGEST_SIGNING_KEY_FALLBACK && !env.INNGEST_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY_FALLBACK"],
        message: "needs INNGEST_SIGNING_KEY as well",
      });
    }
  });

export type LogLevel = z.infer<typeof engineEnvSchema>["ENGINE_LOG_LEVEL"];

export interface EngineConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Serve URLs the engine PUTs at start and every syncIntervalMs. */
  appUrls: string[];
  syncIntervalMs: number;
  syncKind: "in_band" | "out_of_band";
  /** Multiplies Inngest's retry backoff (and jitter); tests use 0.001–0.01. */
  backoffScale: number;
  maxInflight: number;
  callTimeoutMs: number;
  /** Finished runs and events older than this are pruned; 0 keeps everything. */
  retentionHours: number;
  logLevel: LogLevel;
  /** json: one JSON object a line (level, time, process, msg, fields); pretty: `[engine] level: msg`. */
  logFormat?: "json" | "pretty";
  /** Let the SDK run consecutive steps in one call and report them to /v1/checkpoint (v4 default on Cloud). */
  checkpointing: boolean;
  /**
   * Signed mode: every call and sync PUT to an app carries X-Inngest-Signature, the app's answers
   * must be signed, and the SDK routes and REST API want `Authorization: Bearer <key or its hash>`.
   * Unset: the Dev Server's open dev mode.
   */
  signingKey?: string | undefined;
  /** A second accepted key while rotating (the SDK's INNGEST_SIGNING_KEY_FALLBACK). */
  signingKeyFallback?: string | undefined;
  /** Keys accepted by POST /e/<key>; empty = any key (dev mode). */
  eventKeys: string[];
}

/**
 * Reads ENGINE_* variables and the keys; an invalid value throws EngineConfigError naming the
 * variable (never echoing a value).
 */
export function loadEngineConfig(env: Record<string, string | undefined>): EngineConfig {
  const parsed = engineEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new EngineConfigError(`invalid engine configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    port: e.ENGINE_PORT,
    host: e.ENGINE_HOST,
    dataDir: e.ENGINE_DATA_DIR,
    appUrls: e.ENGINE_APP_URLS,
    syncIntervalMs: e.ENGINE_SYNC_INTERVAL_MS,
    syncKind: e.ENGINE_SYNC_KIND,
    backoffScale: e.ENGINE_BACKOFF_SCALE,
    maxInflight: e.ENGINE_MAX_INFLIGHT,
    callTimeoutMs: e.ENGINE_CALL_TIMEOUT_MS,
    retentionHours: e.ENGINE_RETENTION_HOURS,
    logLevel: e.ENGINE_LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    checkpointing: e.ENGINE_CHECKPOINTING,
    signingKey: e.INNGEST_SIGNING_KEY,
    signingKeyFallback: e.INNGEST_SIGNING_KEY_FALLBACK,
    eventKeys: e.INNGEST_EVENT_KEY,
  };
}

/** Defaults for programmatic use: the same as an empty environment. */
export function defaultEngineConfig(): EngineConfig {
  return loadEngineConfig({});
}
