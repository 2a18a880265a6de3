import type { EngineContext } from "./context";
import { evaluateKey, evaluateNumber, matches } from "./expressions";
import { claimKey, reserveThrottle, takeRateLimit } from "./flow-control";
import { newUlid } from "./ids";
import { cancelRun } from "./run-lifecycle";
import { registerCancelPauses } from "./pauses";
import { discoveryJobId } from "./run-state";
import { insertRun } from "./run-store";
import {
  ACTIVE_STATUSES,
  type ConcurrencySlot,
  type FunctionRecord,
  type InngestEvent,
  type Run,
} from "./types";

const DAY_MS = 24 * 3600_000;
const PRIORITY_LIMIT_S = 600;

function keyOf(ctx: EngineContext, expression: string, event: InngestEvent, what: string): string {
  try {
    return evaluateKey(expression, { event });
  } catch (error) {
    // Inngest evaluates a failing key to an empty value; keep going with one shared key.
    ctx.log.warn(`${what} key expression failed; using an empty key`, {
      error: (error as Error).message,
    });
    return "";
  }
}

/**
 * An event matched `fn`'s trigger: apply batching, rate limit / idempotency and debounce
 * (in Inngest's order), then start a run.
 */
export function handleTrigger(
  ctx: EngineContext,
  fn: FunctionRecord,
  event: InngestEvent,
  internalId: string,
): void {
  const config = fn.config;
  if (config.batchEvents && matches(config.batchEvents.if, { event })) {
    addToBatch(ctx, fn, event, internalId);
    return;
  }
  if (!passesRateLimits(ctx, fn, event)) return;
  if (config.debounce) {
    debounce(ctx, fn, event, internalId);
    return;
  }
  createRun(ctx, fn, [event], { internalIds: [internalId] });
}

function passesRateLimits(ctx: EngineContext, fn: FunctionRecord, event: InngestEvent): boolean {
  const { idempotency, rateLimit } = fn.config;
  if (idempotency) {
    const key = keyOf(ctx, idempotency, event, "idempotency");
    if (!claimKey(ctx.store, `idempotency:${fn.id}:${key}`, DAY_MS)) {
      ctx.log.debug(`idempotency skipped event ${event.id} for ${fn.id}`);
      return false;
    }
    return true;
  }
  if (rateLimit) {
    const key = rateLimit.key ? keyOf(ctx, rateLimit.key, event, "rateLimit") : "";
    if (!takeRateLimit(ctx.store, `rate:${fn.id}:${key}`, rateLimit.limit, rateLimit.periodMs)) {
      ctx.log.debug(`rate limit skipped event ${event.id} for ${fn.id}`);
      return false;
    }
  }
  return true;
}

function debounce(
  ctx: EngineContext,
  fn: FunctionRecord,
  event: InngestEvent,
  internalId: string,
): void {
  const settings = fn.config.debounce;
  if (!settings) return;
  const key = settings.key ? keyOf(ctx, settings.key, event, "debounce") : "";
  const now = Date.now();
  const existing = ctx.store.get<{ first_at: number }>(
    "SELECT first_at FROM debounces WHERE fn_id = ? AND key = ?",
    fn.id,
    key,
  );
  const firstAt = existing?.first_at ?? now;
  const cap = settings.timeoutMs === undefined ? Infinity : firstAt + settings.timeoutMs;
  const fireAt = Math.min(now + settings.periodMs, cap);
  ctx.store.run(
    "INSERT OR REPLACE INTO debounces (fn_id, key, event, first_at, fire_at) VALUES (?, ?, ?, ?, ?)",
    fn.id,
    key,
    JSON.stringify({ event, internalId }),
    firstAt,
    fireAt,
  );
  ctx.scheduler.upsert({
    id: `debounce:${fn.id}:${key}`,
    kind: "debounce",
    runId: null,
    runAt: fireAt,
    orderAt: fireAt,
    payload: { fnId: fn.id, key },
  });
}

/** Job: a debounce period ended; start the run with the last event. */
export function fireDebounce(ctx: EngineContext, jobId: string, fnId: string, key: string): void {
  ctx.store.tx(() => {
    ctx.scheduler.remove(jobId);
    const row = ctx.store.get<{ event: string; fire_at: number }>(
      "SELECT event, fire_at FROM debounces WHERE fn_id = ? AND key = ?",
      fnId,
      key,
    );
    if (!row) return;
    ctx.store.run("DELETE FROM debounces WHERE fn_id = ? AND key = ?", fnId, key);
    const fn = ctx.functions.get(fnId);
    if (!fn) return;
    const { event, internalId } = JSON.parse(row.event) as {
      event: InngestEvent;
      internalId: string;
    };
    createRun(ctx, fn, [event], { internalIds: [internalId] });
  });
}

function addToBatch(
  ctx: EngineContext,
  fn: FunctionRecord,
  event: InngestEvent,
  internalId: string,
): void {
  const settings = fn.config.batchEvents;
  if (!settings) return;
  const key = settings.key ? keyOf(ctx, settings.key, event, "batchEvents") : "";
  const now = Date.now();
  const row = ctx.store.get<{ events: string; first_at: number }>(
    "SELECT events, first_at FROM batches WHERE fn_id = ? AND key = ?",
    fn.id,
    key,
  );
  const entries: { event: InngestEvent; internalId: string }[] = row ? JSON.parse(row.events) : [];
  entries.push({ event, internalId });
  if (entries.length >= settings.maxSize) {
    ctx.store.run("DELETE FROM batches WHERE fn_id = ? AND key = ?", fn.id, key);
    ctx.scheduler.remove(`batch:${fn.id}:${key}`);
    startBatch(ctx, fn, entries);
    return;
  }
  ctx.store.run(
    "INSERT OR REPLACE INTO batches (fn_id, key, events, first_at) VALUES (?, ?, ?, ?)",
    fn.id,
    key,
    JSON.stringify(entries),
    row?.first_at ?? now,
  );
  if (!row) {
    const at = now + settings.timeoutMs;
    ctx.scheduler.enqueue({
      id: `batch:${fn.id}:${key}`,
      kind: "batch",
      runId: null,
      runAt: at,
      orderAt: at,
      payload: { fnId: fn.id, key },
    });
  }
}

/** Job: a batch's timeout passed; start a run with what was collected. */
export function flushBatch(ctx: EngineContext, jobId: string, fnId: string, key: string): void {
  ctx.store.tx(() => {
    ctx.scheduler.remove(jobId);
    const row = ctx.store.get<{ events: string }>(
      "SELECT events FROM batches WHERE fn_id = ? AND key = ?",
      fnId,
      key,
    );
    if (!row) return;
    ctx.store.run("DELETE FROM batches WHERE fn_id = ? AND key = ?", fnId, key);
    const fn = ctx.functions.get(fnId);
    if (fn) startBatch(ctx, fn, JSON.parse(row.events));
  });
}

function startBatch(
  ctx: EngineContext,
  fn: FunctionRecord,
  entries: { event: InngestEvent; internalId: string }[],
): void {
  createRun(
    ctx,
    fn,
    entries.map((entry) => entry.event),
    { internalIds: entries.map((entry) => entry.internalId), dedupe: false },
  );
}

export interface CreateRunOptions {
  internalIds?: string[];
  correlationId?: string;
  /** Dedupe on (function, event.id) for 24 h; off for batches, invokes and replays. */
  dedupe?: boolean;
}

export type CreateRunResult = { started: true; run: Run } | { started: false; reason: string };

/** Singleton, dedupe, throttle, priority and concurrency keys, then the run and its first job. */
export function createRun(
  ctx: EngineContext,
  fn: FunctionRecord,
  events: InngestEvent[],
  options: CreateRunOptions = {},
): CreateRunResult {
  const first = events[0];
  if (!first) return { started: false, reason: "no events" };
  const config = fn.config;
  const context = { event: first };
  const now = Date.now();
  return ctx.store.tx((): CreateRunResult => {
    if (
      options.dedupe !== false &&
      !claimKey(ctx.store, `event:${fn.id}:${first.id}`, DAY_MS, now)
    ) {
      return { started: false, reason: `event id ${first.id} already started a run of ${fn.id}` };
    }
    let singletonKey: string | null = null;
    if (config.singleton) {
      singletonKey = `${fn.id}:${config.singleton.key ? keyOf(ctx, config.singleton.key, first, "singleton") : ""}`;
      const active = ctx.store.all<{ id: string }>(
        `SELECT id FROM runs WHERE singleton_key = ? AND status IN (${ACTIVE_STATUSES.map(() => "?").join(",")})`,
        singletonKey,
        ...ACTIVE_STATUSES,
      );
      if (active.length > 0 && config.singleton.mode === "skip") {
        return { started: false, reason: `singleton: ${fn.id} already has an active run` };
      }
      for (const { id } of active) cancelRun(ctx, id, "replaced by a newer singleton run");
    }
    const concurrency: ConcurrencySlot[] = config.concurrency.map((limit) => {
      const keyValue = limit.key ? keyOf(ctx, limit.key, first, "concurrency") : "";
      const scope = limit.scope === "fn" ? `fn:${fn.id}` : `${limit.scope}:${limit.key ?? fn.id}`;
      return { key: `${scope}:${keyValue}`, limit: limit.limit };
    });
    let priority = 0;
    if (config.priorityRun) {
      try {
        priority = Math.max(
          -PRIORITY_LIMIT_S,
          Math.min(PRIORITY_LIMIT_S, Math.round(evaluateNumber(config.priorityRun, context))),
        );
      } catch (error) {
        ctx.log.warn(`priority expression of ${fn.id} failed; using 0`, {
          error: (error as Error).message,
        });
      }
    }
    const run: Run = {
      id: newUlid(now),
      fnId: fn.id,
      appName: fn.appName,
      status: "Queued",
      events,
      steps: {},
      stack: [],
      requestVersion: -1,
      forcePlan: false,
      pending: [],
      output: null,
      error: null,
      createdAt: now,
      startedAt: null,
      endedAt: null,
      correlationId: options.correlationId ?? null,
      singletonKey,
      config,
      concurrency,
      priority,
    };
    insertRun(ctx.store, run);
    for (const internalId of options.internalIds ?? []) {
      ctx.store.run(
        "INSERT OR IGNORE INTO run_events (event_internal_id, run_id) VALUES (?, ?)",
        internalId,
        run.id,
      );
    }
    registerCancelPauses(ctx, run);
    if (config.timeouts.startMs !== undefined) {
      const at = now + config.timeouts.startMs;
      ctx.scheduler.enqueue({
        id: `${run.id}:timeout-start`,
        kind: "timeout-start",
        runId: run.id,
        runAt: at,
        orderAt: at,
        payload: {},
      });
    }
    let startAt = now;
    if (config.throttle) {
      const key = config.throttle.key ? keyOf(ctx, config.throttle.key, first, "throttle") : "";
      startAt = reserveThrottle(
        ctx.store,
        `throttle:${fn.id}:${key}`,
        config.throttle.limit,
        config.throttle.periodMs,
        config.throttle.burst,
        now,
      );
    }
    ctx.scheduler.enqueue({
      id: discoveryJobId(run.id),
      kind: "call",
      runId: run.id,
      runAt: startAt,
      orderAt: startAt - priority * 1000,
      payload: { stepId: "step", attempt: 0, concurrency },
      gates: concurrency.map((slot) => slot.key),
    });
    ctx.log.debug(`run ${run.id} of ${fn.id} created`);
    return { started: true, run };
  });
}
