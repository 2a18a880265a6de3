import { registerApp, removeAppByUrl } from "./app-registry";
import { pendingAppUrls } from "./app-sync";
import { acceptCheckpoint } from "./checkpoint";
import type { EngineContext } from "./context";
import { HttpError } from "./errors";
import { prepareIncomingEvents, publishEvent } from "./events";
import { parseEventIdSeed, newUlid } from "./ids";
import { json, type Router } from "./http-kit";
import { loadRun } from "./run-store";
import { createRun } from "./run-starter";
import { eventKeyAccepted } from "./signing";
import type { InngestEvent } from "./types";

const ENGINE_VERSION = "selah-engine 1.0.0";

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The routes the SDK and the Inngest CLI talk to (protocol sections 2, 3, 9). In signed mode the
 * router lets only requests with the signing key (the SDK sends its hash) reach them, except
 * /health and /e/<key>, which checks the event key itself.
 */
export function addSdkRoutes(router: Router, ctx: EngineContext): void {
  // Liveness, and whether every ENGINE_APP_URLS app has synced since start (readiness for events).
  router.on(
    "GET",
    "/health",
    () => json(200, { status: "ok", appsSynced: pendingAppUrls(ctx).length === 0 }),
    { isPublic: true },
  );

  // GET /v1/engine/stats — process memory and queue depth, for the benchmark and operators.
  router.on("GET", "/v1/engine/stats", () => {
    const count = (sql: string) => ctx.store.get<{ n: number }>(sql)?.n ?? 0;
    return json(200, {
      memory: process.memoryUsage(),
      jobs: count("SELECT COUNT(*) AS n FROM jobs"),
      activeRuns: count("SELECT COUNT(*) AS n FROM runs WHERE status IN ('Queued', 'Running')"),
      runs: count("SELECT COUNT(*) AS n FROM runs"),
      events: count("SELECT COUNT(*) AS n FROM events"),
    });
  });

  // GET /dev — dev server info, shaped like the Inngest Dev Server's.
  router.on("GET", "/dev", () =>
    json(200, {
      version: ENGINE_VERSION,
      authed: ctx.config.signingKey !== undefined,
      startOpts: { sdkURLs: ctx.config.appUrls, urls: ctx.config.appUrls },
      functions: ctx.functions.all().map((fn) => ({ ...fn.config, slug: fn.id, app: fn.appName })),
      handlers: ctx.store.all("SELECT name, id, url, sdk, framework, synced_at FROM apps"),
      isSingleNodeService: true,
      isMissingSigningKey: ctx.config.signingKey === undefined,
      isMissingEventKeys: ctx.config.eventKeys.length === 0,
      features: {},
    }),
  );

  // POST /fn/register — out-of-band sync from the SDK.
  router.on("POST", "/fn/register", async (request) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch (error) {
      if (error instanceof HttpError)
        return json(error.status, { ok: false, error: error.message, status: error.status });
      throw error;
    }
    const result = registerApp(
      ctx,
      body,
      header(request.headers["x-inngest-expected-server-kind"]),
    );
    return json(result.status, result.body);
  });

  // DELETE /fn/remove?url=… — forget an app.
  router.on("DELETE", "/fn/remove", (request) => {
    const url = request.url.searchParams.get("url") ?? "";
    if (!removeAppByUrl(ctx, url)) throw new HttpError(404, `no app with url ${url}`);
    return json(200, { ok: true });
  });

  // POST /e/:key — send events; with event keys configured only those keys are accepted.
  router.on(
    "POST",
    "/e/:key",
    async (request) => {
      if (
        ctx.config.eventKeys.length > 0 &&
        !eventKeyAccepted(request.params[0] ?? "", ctx.config.eventKeys)
      ) {
        return json(401, { ids: [], status: 401, error: "Event key not found" });
      }
      let body: unknown;
      try {
        body = await request.json();
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 400;
        return json(status, { ids: [], status, error: (error as Error).message });
      }
      try {
        const prepared = prepareIncomingEvents(
          body,
          parseEventIdSeed(header(request.headers["x-inngest-event-id-seed"])),
        );
        const ids = ctx.store.tx(() =>
          prepared.map(({ internalId, event }) => publishEvent(ctx, event, internalId)),
        );
        return json(200, { ids, status: 200 });
      } catch (error) {
        if (error instanceof HttpError)
          return json(error.status, { ids: [], status: error.status, error: error.message });
        throw error;
      }
    },
    { isPublic: true },
  );

  // POST /invoke/:slug — start a function directly with the posted data.
  router.on("POST", "/invoke/:slug", async (request) => {
    const fn = ctx.functions.get(request.params[0] ?? "");
    if (!fn) throw new HttpError(404, `unknown function ${request.params[0]}`);
    const body = ((await request.json()) ?? {}) as { data?: unknown };
    const data =
      body.data && typeof body.data === "object" ? (body.data as Record<string, unknown>) : {};
    const internalId = newUlid();
    const event: InngestEvent = {
      name: "inngest/function.invoked",
      data,
      id: internalId,
      ts: Date.now(),
      user: {},
    };
    publishEvent(ctx, event, internalId);
    createRun(ctx, fn, [event], { internalIds: [internalId], dedupe: false });
    return json(200, { id: internalId, status: 200 });
  });

  // POST /v1/checkpoint/:runId/async — steps run inside one call (checkpointing mode).
  router.on("POST", "/v1/checkpoint/:runId/async", async (request) => {
    acceptCheckpoint(ctx, request.params[0] ?? "", await request.json());
    return json(200, {});
  });

  // GET /v0/runs/:id/batch|actions — for SDKs that set use_api.
  router.on("GET", "/v0/runs/:id/batch", (request) => {
    const run = loadRun(ctx.store, request.params[0] ?? "");
    if (!run) throw new HttpError(410, "run state is gone");
    return json(200, run.events);
  });
  router.on("GET", "/v0/runs/:id/actions", (request) => {
    const run = loadRun(ctx.store, request.params[0] ?? "");
    if (!run) throw new HttpError(410, "run state is gone");
    return json(200, run.steps);
  });
}
