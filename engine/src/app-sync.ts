import { z } from "zod";
import { registerApp } from "./app-registry";
import type { EngineContext } from "./context";
import type { SyncWarning } from "./function-config";
import { canonicalJson, signatureFor, signatureProblem } from "./signing";

export interface SyncOutcome {
  url: string;
  ok: boolean;
  status: number;
  kind: "in_band" | "out_of_band" | "none";
  message: string;
  modified?: boolean;
  /** Options the engine does not honour, per function (see registerApp). */
  warnings?: SyncWarning[];
}

const inBandBodySchema = z.looseObject({
  app_id: z.string(),
  url: z.string(),
  functions: z.array(z.unknown()),
  framework: z.string().optional(),
  sdk: z.string().optional(),
});

/** How soon a configured app that has not synced since start is tried again (it is starting). */
const UNSYNCED_RETRY_MS = 250;

/**
 * PUTs an App URL the way the Dev Server does. Asks for in-band sync (the config comes back
 * in the answer); an App that declines registers out-of-band via POST /fn/register instead.
 * Signed mode signs the PUT (the SDK answers an in-band sync only to a signed one) and believes
 * an in-band answer only with the app's signature. A success is remembered (`pendingAppUrls`).
 */
export async function syncAppUrl(ctx: EngineContext, url: string): Promise<SyncOutcome> {
  const outcome = await putAppUrl(ctx, url);
  if (outcome.ok) ctx.syncedAppUrls.add(url);
  return outcome;
}

async function putAppUrl(ctx: EngineContext, url: string): Promise<SyncOutcome> {
  const { signingKey, signingKeyFallback } = ctx.config;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-inngest-server-kind": "dev",
  };
  if (ctx.config.syncKind === "in_band") headers["x-inngest-sync-kind"] = "in_band";
  const putBody = canonicalJson({ url });
  if (signingKey) headers["x-inngest-signature"] = signatureFor(putBody, signingKey);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "PUT",
      headers,
      body: putBody,
      signal: AbortSignal.timeout(30_000),
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      url,
      ok: false,
      status: 0,
      kind: "none",
      message: `could not reach ${url}: ${cause ?? (error as Error).message}`,
    };
  }
  if (!response.headers.get("x-inngest-sdk")) {
    if (response.status === 401 && response.headers.get("x-inngest-sdk-handled")) {
      const message = signingKey
        ? `${url} refused the engine's signature: the app's INNGEST_SIGNING_KEY must be the engine's signing key`
        : `${url} serves in signed (cloud) mode: give the engine its INNGEST_SIGNING_KEY too`;
      return { url, ok: false, status: 401, kind: "none", message };
    }
    return {
      url,
      ok: false,
      status: response.status,
      kind: "none",
      message: `${url} is not an Inngest serve endpoint (no x-inngest-sdk header)`,
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      url,
      ok: false,
      status: response.status,
      kind: "none",
      message: `${url} answered the sync with a body that is not JSON`,
    };
  }
  if (response.headers.get("x-inngest-sync-kind") === "in_band" && response.ok) {
    const problem = signingKey
      ? signatureProblem(response.headers.get("x-inngest-signature"), text, {
          signingKey,
          signingKeyFallback,
        })
      : undefined;
    if (problem)
      return {
        url,
        ok: false,
        status: 401,
        kind: "in_band",
        message: `${url} answered the sync with ${problem}`,
      };
    const inBand = inBandBodySchema.safeParse(body);
    if (!inBand.success)
      return { url, ok: false, status: 400, kind: "in_band", message: "invalid in-band sync body" };
    const result = registerApp(ctx, {
      appName: inBand.data.app_id,
      url: inBand.data.url,
      functions: inBand.data.functions,
      framework: inBand.data.framework,
      sdk: inBand.data.sdk,
    });
    const ok = result.status === 200;
    return {
      url,
      ok,
      status: result.status,
      kind: "in_band",
      message: ok ? "Successfully registered" : String(result.body["error"]),
      modified: result.body["modified"] === true,
      warnings: storedWarnings(ctx, inBand.data.url),
    };
  }
  const outOfBand = body as { message?: unknown; modified?: unknown };
  return {
    url,
    ok: response.ok,
    status: response.status,
    kind: "out_of_band",
    message: typeof outOfBand.message === "string" ? outOfBand.message : "",
    modified: outOfBand.modified === true,
    warnings: storedWarnings(ctx, url),
  };
}

function storedWarnings(ctx: EngineContext, appUrl: string): SyncWarning[] {
  const row = ctx.store.get<{ warnings: string }>(
    "SELECT warnings FROM apps WHERE url = ?",
    appUrl,
  );
  return row ? (JSON.parse(row.warnings) as SyncWarning[]) : [];
}

/** URLs to keep in sync: configured ones plus every app that registered itself. */
export function knownAppUrls(ctx: EngineContext): string[] {
  const registered = ctx.store.all<{ url: string }>("SELECT url FROM apps").map((row) => row.url);
  return [...new Set([...ctx.config.appUrls, ...registered].filter(Boolean))];
}

/**
 * Configured app URLs (ENGINE_APP_URLS) not synced since the engine started: until they are,
 * the engine may lack their functions (a first start, or functions added since), and events
 * for those would start no runs. /health reports it (`appsSynced`).
 */
export function pendingAppUrls(ctx: EngineContext): string[] {
  return ctx.config.appUrls.filter((url) => !ctx.syncedAppUrls.has(url));
}

/**
 * Periodic re-sync like the Dev Server's poll; logs only changes of reachability. A configured
 * app that has not synced since start (its server is still starting) is tried again every
 * UNSYNCED_RETRY_MS instead of waiting for the next period, so it is synced as soon as it answers.
 */
export function startSyncLoop(ctx: EngineContext): () => void {
  const lastOk = new Map<string, boolean>();
  let running = false;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  const sync = async (urls: string[]) => {
    if (running || isStopped) return;
    running = true;
    try {
      for (const url of urls) {
        const outcome = await syncAppUrl(ctx, url).catch((error: unknown): SyncOutcome => ({
          url,
          ok: false,
          status: 0,
          kind: "none",
          message: (error as Error).message,
        }));
        if (lastOk.get(url) !== outcome.ok) {
          if (outcome.ok) ctx.log.info(`sync ${url}: ${outcome.message || "ok"}`);
          else ctx.log.warn(`sync ${url} failed: ${outcome.message}`);
          lastOk.set(url, outcome.ok);
        }
      }
    } finally {
      running = false;
    }
    if (isStopped || pendingAppUrls(ctx).length === 0) return;
    clearTimeout(retry);
    retry = setTimeout(() => void sync(pendingAppUrls(ctx)), UNSYNCED_RETRY_MS);
    retry.unref();
  };
  void sync(knownAppUrls(ctx));
  const timer =
    ctx.config.syncIntervalMs === 0
      ? undefined
      : setInterval(() => void sync(knownAppUrls(ctx)), ctx.config.syncIntervalMs);
  timer?.unref();
  return () => {
    isStopped = true;
    clearTimeout(retry);
    clearInterval(timer);
  };
}
