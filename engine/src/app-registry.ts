import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { EngineContext } from "./context";
import { nextCronTime, scheduleCrons, unscheduleCrons } from "./cron";
import { InvalidFunctionError } from "./errors";
import {
  normalizeFunction,
  rawFunctionSchema,
  type FunctionConfig,
  type SyncWarning,
} from "./function-config";

const registerBodySchema = z.looseObject({
  url: z.string().default(""),
  appName: z.string().default(""),
  functions: z.array(z.unknown()).nullish(),
  sdk: z.string().optional(),
  framework: z.string().optional(),
  featureObservations: z.unknown().optional(),
});

export interface RegisterResult {
  status: number;
  body: Record<string, unknown>;
}

function failure(status: number, error: string): RegisterResult {
  return { status, body: { ok: false, error, status } };
}

/** Stable across syncs: the register JSON minus what changes without meaning. */
function checksumOf(body: Record<string, unknown>): string {
  const { featureObservations: _ignored, deployId: _deploy, ...rest } = body;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
}

/**
 * Sync (section 2): upsert the app by name and replace its function set. Unsupported
 * options come back as `warnings` and are logged; invalid functions reject the sync.
 */
export function registerApp(
  ctx: EngineContext,
  rawBody: unknown,
  expectedServerKind?: string,
): RegisterResult {
  if (expectedServerKind && expectedServerKind !== "dev") {
    return failure(400, `Expected server kind dev, got ${expectedServerKind}`);
  }
  const parsed = registerBodySchema.safeParse(rawBody);
  if (!parsed.success)
    return failure(400, `invalid register body: ${parsed.error.issues[0]?.message}`);
  const body = parsed.data;
  if (!body.appName) return failure(400, "appName is required");
  const checksum = checksumOf(body as Record<string, unknown>);
  const existing = ctx.store.get<{ id: string; checksum: string }>(
    "SELECT id, checksum FROM apps WHERE name = ?",
    body.appName,
  );
  const syncId = randomUUID();
  if (existing?.checksum === checksum) {
    ctx.store.run("UPDATE apps SET synced_at = ? WHERE name = ?", Date.now(), body.appName);
    return {
      status: 200,
      body: { ok: true, modified: false, app_id: existing.id, sync_id: syncId },
    };
  }

  const warnings: SyncWarning[] = [];
  const configs: FunctionConfig[] = [];
  const seen = new Set<string>();
  try {
    for (const [index, rawFn] of (body.functions ?? []).entries()) {
      const fn = rawFunctionSchema.safeParse(rawFn);
      if (!fn.success) {
        const issue = fn.error.issues[0];
        const id = (rawFn as { id?: unknown } | null)?.id ?? `#${index}`;
        throw new InvalidFunctionError(
          `function ${String(id)}: ${issue?.path.join(".")}: ${issue?.message}`,
        );
      }
      if (seen.has(fn.data.id))
        throw new InvalidFunctionError(`duplicate function id ${fn.data.id}`);
      seen.add(fn.data.id);
      const config = normalizeFunction(fn.data, warnings);
      for (const trigger of config.triggers)
        if ("cron" in trigger) nextCronTime(trigger.cron, new Date());
      const owner = ctx.store.get<{ app_name: string }>(
        "SELECT app_name FROM functions WHERE id = ?",
        config.id,
      );
      if (owner && owner.app_name !== body.appName) {
        throw new InvalidFunctionError(
          `function id ${config.id} already belongs to app ${owner.app_name}`,
        );
      }
      configs.push(config);
    }
  } catch (error) {
    if (error instanceof InvalidFunctionError) {
      ctx.log.warn(`sync of app ${body.appName} rejected: ${error.message}`);
      return failure(400, error.message);
    }
    throw error;
  }

  const appId = existing?.id ?? randomUUID();
  ctx.store.tx(() => {
    ctx.store.run(
      `INSERT INTO apps (name, id, url, checksum, sdk, framework, synced_at, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, checksum = excluded.checksum, sdk = excluded.sdk,
         framework = excluded.framework, synced_at = excluded.synced_at, warnings = excluded.warnings`,
      body.appName,
      appId,
      body.url,
      checksum,
      body.sdk ?? null,
      body.framework ?? null,
      Date.now(),
      JSON.stringify(warnings),
    );
    const previous = ctx.store.all<{ id: string; config: string; version: number }>(
      "SELECT id, config, version FROM functions WHERE app_name = ?",
      body.appName,
    );
    for (const old of previous) {
      unscheduleCrons(ctx, old.id);
      if (!seen.has(old.id)) ctx.store.run("DELETE FROM functions WHERE id = ?", old.id);
    }
    for (const config of configs) {
      const old = previous.find((fn) => fn.id === config.id);
      const serialized = JSON.stringify(config);
      const version = old ? (old.config === serialized ? old.version : old.version + 1) : 1;
      ctx.store.run(
        "INSERT OR REPLACE INTO functions (id, app_name, name, version, config) VALUES (?, ?, ?, ?, ?)",
        config.id,
        body.appName,
        config.name,
        version,
        serialized,
      );
    }
    ctx.functions.reload();
    for (const config of configs) {
      const fn = ctx.functions.get(config.id);
      if (fn) scheduleCrons(ctx, fn);
    }
  });
  for (const warning of warnings) {
    ctx.log.warn(
      `sync ${body.appName}: function ${warning.function}: ${warning.option}: ${warning.message}`,
    );
  }
  ctx.log.info(`synced app ${body.appName} (${configs.length} functions) from ${body.url}`);
  return {
    status: 200,
    body: { ok: true, modified: true, app_id: appId, sync_id: syncId, warnings },
  };
}

/** DELETE /fn/remove?url=…: forget an app and its functions. */
export function removeAppByUrl(ctx: EngineContext, url: string): boolean {
  const app = ctx.store.get<{ name: string }>("SELECT name FROM apps WHERE url = ?", url);
  if (!app) return false;
  ctx.store.tx(() => {
    for (const fn of ctx.store.all<{ id: string }>(
      "SELECT id FROM functions WHERE app_name = ?",
      app.name,
    )) {
      unscheduleCrons(ctx, fn.id);
    }
    ctx.store.run("DELETE FROM functions WHERE app_name = ?", app.name);
    ctx.store.run("DELETE FROM apps WHERE name = ?", app.name);
    ctx.functions.reload();
  });
  return true;
}
