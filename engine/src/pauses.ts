import type { EngineContext } from "./context";
import { resolveWakeTime } from "./durations";
import { matches } from "./expressions";
import { cancelRun } from "./run-lifecycle";
import { isActive } from "./run-state";
import { loadRun, recordStepOutcome } from "./run-store";
import type { Op } from "./sdk-call";
import { applyStepResult, commitRun } from "./step-results";
import type { InngestEvent, Run, SerializedError, StepResult } from "./types";

const MAX_WAIT_MS = 366 * 24 * 3600_000;

interface PauseRow {
  id: string;
  run_id: string;
  kind: "wait" | "cancel" | "invoke";
  event_name: string;
  expression: string | null;
  hash: string | null;
  correlation_id: string | null;
  trigger_event: string;
  expires_at: number;
}

function insertPause(
  ctx: EngineContext,
  run: Run,
  pause: Omit<PauseRow, "run_id" | "trigger_event">,
): void {
  ctx.store.run(
    `INSERT OR IGNORE INTO pauses (id, run_id, kind, event_name, expression, hash, correlation_id, trigger_event, created_after, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    pause.id,
    run.id,
    pause.kind,
    pause.event_name,
    pause.expression,
    pause.hash,
    pause.correlation_id,
    JSON.stringify(run.events[0] ?? null),
    run.id,
    pause.expires_at,
  );
}

/** cancelOn: listeners for events newer than the run (they are registered as it is created). */
export function registerCancelPauses(ctx: EngineContext, run: Run): void {
  run.config.cancel.forEach((cancel, index) => {
    insertPause(ctx, run, {
      id: `${run.id}:cancel:${index}`,
      kind: "cancel",
      event_name: cancel.event,
      expression: cancel.if ?? null,
      hash: null,
      correlation_id: null,
      expires_at: run.createdAt + cancel.timeoutMs,
    });
  });
}

function timeoutAt(raw: unknown, now: number): number {
  return resolveWakeTime(typeof raw === "string" && raw ? raw : "366d", now);
}

/** WaitForEvent op: a pause only events processed from now on can satisfy, plus its timeout. */
export function registerWait(ctx: EngineContext, run: Run, op: Op): void {
  const eventName = op.name ?? (op.opts?.["event"] as string | undefined);
  if (!eventName) {
    applyStepResult(ctx, run, op.id, {
      error: { name: "Error", message: "waitForEvent without an event name" },
    });
    return;
  }
  const now = Date.now();
  const expiresAt = timeoutAt(op.opts?.["timeout"], now);
  if (expiresAt - now > MAX_WAIT_MS) {
    applyStepResult(ctx, run, op.id, {
      error: { name: "Error", message: "waitForEvent timeout is longer than 366 days" },
    });
    return;
  }
  const expression = typeof op.opts?.["if"] === "string" ? (op.opts["if"] as string) : null;
  insertPause(ctx, run, {
    id: `${run.id}:wait:${op.id}`,
    kind: "wait",
    event_name: eventName,
    expression,
    hash: op.id,
    correlation_id: null,
    expires_at: expiresAt,
  });
  ctx.scheduler.enqueue({
    id: `${run.id}:wait:${op.id}`,
    kind: "wait-timeout",
    runId: run.id,
    runAt: expiresAt,
    orderAt: expiresAt,
    payload: { hash: op.id },
  });
}

export function registerInvokePause(
  ctx: EngineContext,
  run: Run,
  hash: string,
  correlationId: string,
  expiresAt: number,
): void {
  insertPause(ctx, run, {
    id: `${run.id}:invoke:${hash}`,
    kind: "invoke",
    event_name: "inngest/function.finished",
    expression: null,
    hash,
    correlation_id: correlationId,
    expires_at: expiresAt,
  });
  ctx.scheduler.enqueue({
    id: `${run.id}:invoke:${hash}`,
    kind: "invoke-timeout",
    runId: run.id,
    runAt: expiresAt,
    orderAt: expiresAt,
    payload: { hash },
  });
}

/** Resolves a wait or invoke pause: store the step result and continue the run. */
function resolvePause(ctx: EngineContext, pause: PauseRow, result: StepResult, op: string): void {
  ctx.store.run("DELETE FROM pauses WHERE id = ?", pause.id);
  ctx.scheduler.remove(pause.id);
  const run = loadRun(ctx.store, pause.run_id);
  if (!run || !isActive(run) || !pause.hash) return;
  recordStepOutcome(ctx.store, run.id, pause.hash, {
    op,
    endedAt: Date.now(),
    ...("error" in result ? { error: result.error } : { output: result.data }),
  });
  applyStepResult(ctx, run, pause.hash, result);
  commitRun(ctx, run);
}

/** Job: a wait or invoke timed out (if it is still pending). */
export function expirePause(
  ctx: EngineContext,
  jobId: string,
  runId: string,
  kind: "wait" | "invoke",
  hash: string,
): void {
  ctx.store.tx(() => {
    ctx.scheduler.remove(jobId);
    const pause = ctx.store.get<PauseRow>(
      "SELECT * FROM pauses WHERE id = ?",
      `${runId}:${kind}:${hash}`,
    );
    if (!pause) return;
    if (kind === "wait") resolvePause(ctx, pause, { data: null }, "WaitForEvent (timed out)");
    else {
      const error: SerializedError = {
        name: "InngestInvokeTimeoutError",
        message: "Timed out waiting for invoked function to complete",
      };
      resolvePause(ctx, pause, { error }, "InvokeFunction (timed out)");
    }
  });
}

/** Fan-out of one event to waits, cancellations and invoke completions. */
export function resolvePausesForEvent(ctx: EngineContext, event: InngestEvent): void {
  const now = Date.now();
  if (event.name === "inngest/function.finished") {
    const correlationId = event.data["correlation_id"];
    if (typeof correlationId === "string") {
      const pause = ctx.store.get<PauseRow>(
        "SELECT * FROM pauses WHERE correlation_id = ?",
        correlationId,
      );
      if (pause) resolvePause(ctx, pause, invokeResult(event), "InvokeFunction");
    }
  }
  const pauses = ctx.store.all<PauseRow>(
    "SELECT * FROM pauses WHERE event_name = ? AND kind != 'invoke'",
    event.name,
  );
  for (const pause of pauses) {
    if (pause.expires_at <= now) {
      if (pause.kind === "cancel") ctx.store.run("DELETE FROM pauses WHERE id = ?", pause.id);
      continue;
    }
    const context = { event: JSON.parse(pause.trigger_event) as unknown, async: event };
    if (!matches(pause.expression ?? undefined, context)) continue;
    if (pause.kind === "wait") resolvePause(ctx, pause, { data: event }, "WaitForEvent");
    else cancelRun(ctx, pause.run_id, `cancelled by event ${event.name} (${event.id})`);
  }
}

function invokeResult(event: InngestEvent): StepResult {
  const status = (event.data["_inngest"] as { status?: string } | undefined)?.status;
  if (status === "Completed") return { data: event.data["result"] ?? null };
  const raw = event.data["error"] as SerializedError | undefined;
  if (status === "Cancelled" || !raw) {
    return { error: { name: "Error", message: "invoked function run was cancelled" } };
  }
  const { error: _short, ...error } = raw;
  return {
    error: {
      ...error,
      name: error.name ?? "Error",
      message: error.message ?? "invoked function failed",
    },
  };
}
