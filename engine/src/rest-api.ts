import { syncAppUrl, knownAppUrls } from "./app-sync";
import type { EngineContext } from "./context";
import { HttpError } from "./errors";
import { matches } from "./expressions";
import { json, type Router } from "./http-kit";
import { cancelRun } from "./run-lifecycle";
import { createRun } from "./run-starter";
import { loadRun, loadStepHistory } from "./run-store";
import { ACTIVE_STATUSES, type RunStatus } from "./types";

interface EventRow {
  internal_id: string;
  body: string;
  received_at: number;
}

interface RunListRow {
  id: string;
  fn_id: string;
  app_name: string;
  status: string;
  output: string | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  events: string;
}

const RUN_COLUMNS =
  "id, fn_id, app_name, status, output, error, created_at, started_at, ended_at, events";

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function eventShape(row: EventRow): Record<string, unknown> {
  return {
    internal_id: row.internal_id,
    ...JSON.parse(row.body),
    received_at: iso(row.received_at),
  };
}

function runShape(ctx: EngineContext, row: RunListRow): Record<string, unknown> {
  const eventId = ctx.store.get<{ event_internal_id: string }>(
    "SELECT event_internal_id FROM run_events WHERE run_id = ? LIMIT 1",
    row.id,
  )?.event_internal_id;
  const events = JSON.parse(row.events) as { name?: string }[];
  return {
    run_id: row.id,
    function_id: row.fn_id,
    app_id: row.app_name,
    event_id: eventId ?? null,
    event_name: events[0]?.name ?? null,
    status: row.status,
    queued_at: iso(row.created_at),
    run_started_at: iso(row.started_at),
    ended_at: iso(row.ended_at),
    output: row.output === null ? null : JSON.parse(row.output),
    error: row.error === null ? null : JSON.parse(row.error),
  };
}

function limitOf(url: URL, fallback = 50): number {
  const value = Number(url.searchParams.get("limit") ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 1000)
    throw new HttpError(400, "limit must be an integer from 1 to 1000");
  return value;
}

function envelope(data: unknown, extra: Record<string, unknown> = {}): unknown {
  return { data, metadata: { fetched_at: new Date().toISOString(), ...extra } };
}

function runById(ctx: EngineContext, runId: string): RunListRow {
  const row = ctx.store.get<RunListRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, runId);
  if (!row) throw new HttpError(404, `run ${runId} not found`);
  return row;
}

/** REST API shaped like Inngest's public v1 API: events, runs, step history, cancel, replay. */
export function addRestApi(router: Router, ctx: EngineContext): void {
  router.on("GET", "/v1/events", (request) => {
    const url = request.url;
    const limit = limitOf(url);
    const name = url.searchParams.get("name");
    const cursor = url.searchParams.get("cursor") ?? "\uffff";
    const rows = name
      ? ctx.store.all<EventRow>(
          "SELECT internal_id, body, received_at FROM events WHERE name = ? AND internal_id < ? ORDER BY internal_id DESC LIMIT ?",
          name,
          cursor,
          limit,
        )
      : ctx.store.all<EventRow>(
          "SELECT internal_id, body, received_at FROM events WHERE internal_id < ? ORDER BY internal_id DESC LIMIT ?",
          cursor,
          limit,
        );
    const next = rows.length === limit ? rows[rows.length - 1]?.internal_id : undefined;
    return json(200, envelope(rows.map(eventShape), next ? { cursor: next } : {}));
  });

  router.on("GET", "/v1/events/:id", (request) => {
    const row = ctx.store.get<EventRow>(
      "SELECT internal_id, body, received_at FROM events WHERE internal_id = ?",
      request.params[0] ?? "",
    );
    if (!row) throw new HttpError(404, `event ${request.params[0]} not found`);
    return json(200, envelope(eventShape(row)));
  });

  router.on("GET", "/v1/events/:id/runs", (request) => {
    const rows = ctx.store.all<RunListRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE id IN (SELECT run_id FROM run_events WHERE event_internal_id = ?) ORDER BY id`,
      request.params[0] ?? "",
    );
    return json(200, envelope(rows.map((row) => runShape(ctx, row))));
  });

  router.on("GET", "/v1/runs", (request) => {
    const url = request.url;
    const limit = limitOf(url);
    const cursor = url.searchParams.get("cursor") ?? "\uffff";
    const fnId = url.searchParams.get("function_id");
    const status = url.searchParams.get("status");
    const rows = ctx.store.all<RunListRow>(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE id < ? AND (? IS NULL OR fn_id = ?) AND (? IS NULL OR status = ?)
       ORDER BY id DESC LIMIT ?`,
      cursor,
      fnId,
      fnId,
      status,
      status,
      limit,
    );
    const next = rows.length === limit ? rows[rows.length - 1]?.id : undefined;
    return json(
      200,
      envelope(
        rows.map((row) => runShape(ctx, row)),
        next ? { cursor: next } : {},
      ),
    );
  });

  router.on("GET", "/v1/runs/:id", (request) => {
    const row = runById(ctx, request.params[0] ?? "");
    const steps = loadStepHistory(ctx.store, row.id).map((step) => ({
      id: step.hash,
      name: step.name,
      op: step.op,
      attempts: step.attempts,
      started_at: iso(step.started_at),
      ended_at: iso(step.ended_at),
      duration_ms: step.ended_at === null ? null : step.ended_at - step.started_at,
      output: step.output === null ? null : JSON.parse(step.output),
      error: step.error === null ? null : JSON.parse(step.error),
    }));
    return json(200, envelope({ ...runShape(ctx, row), steps }));
  });

  // DELETE /v1/runs/:id — cancel a run.
  router.on("DELETE", "/v1/runs/:id", (request) => {
    const row = runById(ctx, request.params[0] ?? "");
    if (!ACTIVE_STATUSES.includes(row.status as RunStatus)) {
      throw new HttpError(409, `run ${row.id} already ended with status ${row.status}`);
    }
    cancelRun(ctx, row.id, "cancelled through the REST API");
    return json(200, envelope({ run_id: row.id, status: "Cancelled" }));
  });

  // POST /v1/runs/:id/replay — a new run of the same function with the same events.
  router.on("POST", "/v1/runs/:id/replay", (request) => {
    const run = loadRun(ctx.store, request.params[0] ?? "");
    if (!run) throw new HttpError(404, `run ${request.params[0]} not found`);
    const fn = ctx.functions.get(run.fnId);
    if (!fn) throw new HttpError(409, `function ${run.fnId} is no longer synced`);
    const internalIds = ctx.store
      .all<{ event_internal_id: string }>(
        "SELECT event_internal_id FROM run_events WHERE run_id = ?",
        run.id,
      )
      .map((row) => row.event_internal_id);
    const result = createRun(ctx, fn, run.events, { internalIds, dedupe: false });
    if (!result.started) throw new HttpError(409, `replay did not start: ${result.reason}`);
    return json(200, envelope({ run_id: result.run.id, replay_of: run.id }));
  });

  // POST /v1/cancellations — bulk cancel.
  router.on("POST", "/v1/cancellations", async (request) => {
    const body = ((await request.json()) ?? {}) as Record<string, unknown>;
    const fnId = typeof body["function_id"] === "string" ? body["function_id"] : undefined;
    if (!fnId) throw new HttpError(400, "function_id is required");
    const after = typeof body["started_after"] === "string" ? Date.parse(body["started_after"]) : 0;
    const before =
      typeof body["started_before"] === "string" ? Date.parse(body["started_before"]) : Date.now();
    const condition = typeof body["if"] === "string" ? body["if"] : undefined;
    const rows = ctx.store.all<{ id: string; events: string }>(
      `SELECT id, events FROM runs WHERE fn_id = ? AND status IN ('Queued', 'Running') AND created_at >= ? AND created_at <= ?`,
      fnId,
      after,
      before,
    );
    const cancelled = rows
      .filter((row) => matches(condition, { event: (JSON.parse(row.events) as unknown[])[0] }))
      .filter((row) => cancelRun(ctx, row.id, "bulk cancellation"))
      .map((row) => row.id);
    return json(200, envelope({ cancelled }));
  });

  router.on("GET", "/v1/apps", () => {
    const apps = ctx.store.all<{
      name: string;
      id: string;
      url: string;
      sdk: string;
      synced_at: number;
      warnings: string;
    }>("SELECT name, id, url, sdk, synced_at, warnings FROM apps ORDER BY name");
    return json(
      200,
      envelope(
        apps.map((app) => ({
          ...app,
          synced_at: iso(app.synced_at),
          warnings: JSON.parse(app.warnings),
          functions: ctx.functions
            .all()
            .filter((fn) => fn.appName === app.name)
            .map((fn) => ({ id: fn.id, name: fn.name, version: fn.version })),
        })),
      ),
    );
  });

  router.on("GET", "/v1/apps/:name/functions", (request) => {
    const name = request.params[0] ?? "";
    if (!ctx.store.get("SELECT 1 AS x FROM apps WHERE name = ?", name))
      throw new HttpError(404, `app ${name} not found`);
    const functions = ctx.functions.all().filter((fn) => fn.appName === name);
    return json(
      200,
      envelope(
        functions.map((fn) => ({
          id: fn.id,
          name: fn.name,
          version: fn.version,
          config: fn.config,
        })),
      ),
    );
  });

  // POST /v1/sync — PUT the given App URL (or every known one) now.
  router.on("POST", "/v1/sync", async (request) => {
    const body = ((await request.json()) ?? {}) as { url?: unknown };
    const urls = typeof body.url === "string" ? [body.url] : knownAppUrls(ctx);
    const results = [];
    for (const url of urls) results.push(await syncAppUrl(ctx, url));
    return json(results.every((result) => result.ok) ? 200 : 502, envelope(results));
  });
}
