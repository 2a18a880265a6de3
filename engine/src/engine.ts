import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSyncLoop } from "./app-sync";
import { ConcurrencyTracker } from "./concurrency";
import type { EngineContext } from "./context";
import { fireCron, scheduleCrons } from "./cron";
import { defaultEngineConfig, type EngineConfig } from "./env";
import { EngineConfigError } from "./errors";
import { FunctionIndex } from "./function-index";
import { Router } from "./http-kit";
import { createLogger } from "./logger";
import { expirePause, resolvePausesForEvent } from "./pauses";
import { addRestApi } from "./rest-api";
import { cancelRun } from "./run-lifecycle";
import { canStartCall, executeCall, wakeSleeper } from "./run-executor";
import { fireDebounce, flushBatch, handleTrigger } from "./run-starter";
import { loadRun } from "./run-store";
import { Scheduler, type Job } from "./scheduler";
import { addSdkRoutes } from "./sdk-routes";
import { bearerAuthorized, SIGNING_KEY_PATTERN } from "./signing";
import { Store } from "./store";
import type { InngestEvent } from "./types";
import { addUiPage } from "./ui-page";
import { pruneOldData } from "./retention";

export interface RunningEngine {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export type EngineOptions = Partial<EngineConfig>;

const MAINTENANCE_EVERY_MS = 10 * 60_000;
/** How long shutdown waits for calls in flight; unfinished ones are re-run after restart. */
const SHUTDOWN_GRACE_MS = 5000;

function handleJob(ctx: EngineContext, job: Job): Promise<void> | void {
  const p = job.payload;
  const text = (key: string) => (typeof p[key] === "string" ? (p[key] as string) : "");
  switch (job.kind) {
    case "call":
      return executeCall(ctx, job);
    case "wake":
      return wakeSleeper(ctx, job);
    case "wait-timeout":
      return expirePause(ctx, job.id, job.runId ?? "", "wait", text("hash"));
    case "invoke-timeout":
      return expirePause(ctx, job.id, job.runId ?? "", "invoke", text("hash"));
    case "timeout-start":
    case "timeout-finish": {
      ctx.scheduler.remove(job.id);
      const run = job.runId ? loadRun(ctx.store, job.runId) : undefined;
      if (!run) return;
      if (job.kind === "timeout-start" && run.startedAt !== null) return;
      cancelRun(
        ctx,
        run.id,
        job.kind === "timeout-start" ? "timeouts.start exceeded" : "timeouts.finish exceeded",
      );
      return;
    }
    case "debounce":
      return fireDebounce(ctx, job.id, text("fnId"), text("key"));
    case "batch":
      return flushBatch(ctx, job.id, text("fnId"), text("key"));
    case "cron":
      return fireCron(ctx, job.id, text("fnId"), text("cron"), job.runAt);
    case "maintenance": {
      ctx.scheduler.remove(job.id);
      pruneOldData(ctx);
      const at = Date.now() + MAINTENANCE_EVERY_MS;
      ctx.scheduler.enqueue({
        id: "maintenance",
        kind: "maintenance",
        runId: null,
        runAt: at,
        orderAt: at,
        payload: {},
      });
    }
  }
}

/**
 * `ctx.hooks.fanOutEvent`: what a stored event sets off, in Inngest's order — each matching
 * function's trigger, then waits, cancellations and invoke completions.
 */
function fanOutEvent(ctx: EngineContext, event: InngestEvent, internalId: string): void {
  for (const fn of ctx.functions.matching(event)) handleTrigger(ctx, fn, event, internalId);
  resolvePausesForEvent(ctx, event);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The options' keys, checked like the variables (messages never contain a key). */
function checkKeys(config: EngineConfig): void {
  for (const [name, key] of [
    ["signingKey", config.signingKey],
    ["signingKeyFallback", config.signingKeyFallback],
  ] as const) {
    if (key !== undefined && !SIGNING_KEY_PATTERN.test(key))
      throw new EngineConfigError(`${name} must look like signkey-<env>-<hex>`);
  }
  if (config.signingKeyFallback !== undefined && config.signingKey === undefined) {
    throw new EngineConfigError("signingKeyFallback needs signingKey as well");
  }
  if (config.signingKey !== undefined && config.eventKeys.length === 0) {
    throw new EngineConfigError(
      "signed mode (signingKey) needs at least one event key (eventKeys)",
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the engine: SQLite state under dataDir, HTTP API, job scheduler, app sync loop.
 * Options override the defaults (which equal an empty environment).
 */
export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  const config: EngineConfig = { ...defaultEngineConfig(), ...options };
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new EngineConfigError(`port must be an integer from 0 to 65535, got ${config.port}`);
  }
  checkKeys(config);
  const log = createLogger(config.logLevel, config.logFormat);
  const store = new Store(config.dataDir);
  const ctx = {
    config,
    store,
    log,
    functions: new FunctionIndex(store),
    concurrency: new ConcurrencyTracker(),
    baseUrl: "",
    syncedAppUrls: new Set<string>(),
  } as Omit<EngineContext, "scheduler" | "hooks"> as EngineContext;
  ctx.hooks = { fanOutEvent: (event, internalId) => fanOutEvent(ctx, event, internalId) };
  ctx.scheduler = new Scheduler(
    store,
    {
      canStart: (job) => job.kind !== "call" || canStartCall(ctx, job),
      closedGates: () => ctx.concurrency.saturated(),
      handle: (job) => handleJob(ctx, job),
    },
    config.maxInflight,
    log,
  );

  const { signingKey, signingKeyFallback } = config;
  const router = new Router(
    signingKey
      ? (request) =>
          bearerAuthorized(headerText(request.headers.authorization), {
            signingKey,
            signingKeyFallback,
          })
      : undefined,
  );
  addSdkRoutes(router, ctx);
  addRestApi(router, ctx);
  addUiPage(router, /^signkey-\w+-/.exec(signingKey ?? "")?.[0]);
  const server = createServer((req, res) => void router.handle(req, res));
  server.keepAliveTimeout = 65_000;

  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (error) {
    store.close();
    throw error;
  }
  ctx.baseUrl = `http://${config.host}:${port}`;
  for (const fn of ctx.functions.all()) scheduleCrons(ctx, fn);
  ctx.scheduler.enqueue({
    id: "maintenance",
    kind: "maintenance",
    runId: null,
    runAt: Date.now() + 60_000,
    orderAt: Date.now() + 60_000,
    payload: {},
  });
  ctx.scheduler.start();
  const stopSync = startSyncLoop(ctx);

  let stopping: Promise<void> | undefined;
  return {
    url: ctx.baseUrl,
    port,
    stop: () =>
      (stopping ??= (async () => {
        stopSync();
        server.closeIdleConnections();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await ctx.scheduler.stop(SHUTDOWN_GRACE_MS);
        server.closeAllConnections();
        await closed;
        store.close();
      })()),
  };
}
