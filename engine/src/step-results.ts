import type { EngineContext } from "./context";
import { failRun } from "./run-lifecycle";
import { discoveryJobId, isActive, markRediscover, takeRediscover } from "./run-state";
import { recordStepOutcome, saveRun } from "./run-store";
import type { Run, StepResult } from "./types";

export const MAX_STEP_BYTES = 4 * 1024 * 1024;
export const MAX_RUN_STATE_BYTES = 32 * 1024 * 1024;
export const MAX_STEPS_PER_RUN = 1000;

function enqueueCall(
  ctx: EngineContext,
  run: Run,
  id: string,
  payload: Record<string, unknown>,
): boolean {
  const now = Date.now();
  return ctx.scheduler.enqueue({
    id,
    kind: "call",
    runId: run.id,
    runAt: now,
    orderAt: now - run.priority * 1000,
    payload: { attempt: 0, concurrency: run.concurrency, ...payload },
    gates: run.concurrency.map((slot) => slot.key),
  });
}

/** Asks for a replay of the run ("discovery"); coalesces with one already queued or running. */
export function requestDiscovery(ctx: EngineContext, run: Run): void {
  const id = discoveryJobId(run.id);
  if (ctx.scheduler.isRunning(id) && ctx.scheduler.has(id)) {
    markRediscover(run.id);
    return;
  }
  enqueueCall(ctx, run, id, { stepId: "step" });
}

/** Plans an execute call for one step unless it is done or already planned. */
export function planStep(
  ctx: EngineContext,
  run: Run,
  hash: string,
  race: boolean,
  name: string,
): void {
  if (run.steps[hash] !== undefined) return;
  enqueueCall(ctx, run, `${run.id}:step:${hash}`, { stepId: hash, race, name });
}

/**
 * Memoizes a step's result and moves the run on: with parallel steps pending only the last
 * finisher (or a race winner) triggers the next discovery (optimized parallelism).
 */
export function applyStepResult(
  ctx: EngineContext,
  run: Run,
  hash: string,
  result: StepResult,
  race = false,
): void {
  if (run.steps[hash] !== undefined || !isActive(run)) return;
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes > MAX_STEP_BYTES) {
    recordStepOutcome(ctx.store, run.id, hash, {
      op: "StepFailed",
      endedAt: Date.now(),
      error: { message: "output too large" },
    });
    failRun(ctx, run, {
      name: "StepOutputTooLargeError",
      message: `step ${hash} returned ${bytes} bytes; the limit is ${MAX_STEP_BYTES} bytes (4 MB)`,
    });
    return;
  }
  if (run.stack.length >= MAX_STEPS_PER_RUN) {
    failRun(ctx, run, {
      name: "StepLimitError",
      message: `run exceeded ${MAX_STEPS_PER_RUN} steps`,
    });
    return;
  }
  run.steps[hash] = result;
  run.stack.push(hash);
  run.pending = run.pending.filter((pending) => pending !== hash);
  if (run.pending.length === 0 || race) {
    run.pending = [];
    if (run.requestVersion >= 2) run.forcePlan = false;
    requestDiscovery(ctx, run);
  }
}

const PROGRESS_KINDS = "'call', 'wake', 'wait-timeout', 'invoke-timeout'";

/**
 * Persists the run after a change. Guarantees progress: an active run with no queued call,
 * sleep, wait or invoke gets a discovery (covers empty 206s and stale parallel replies).
 */
export function commitRun(ctx: EngineContext, run: Run): void {
  if (!isActive(run)) return;
  if (takeRediscover(run.id) || !hasWorkQueued(ctx, run.id)) requestDiscovery(ctx, run);
  const bytes = saveRun(ctx.store, run);
  if (bytes > MAX_RUN_STATE_BYTES) {
    failRun(ctx, run, {
      name: "RunStateTooLargeError",
      message: `run state is ${bytes} bytes; the limit is ${MAX_RUN_STATE_BYTES} bytes (32 MB)`,
    });
  }
}

function hasWorkQueued(ctx: EngineContext, runId: string): boolean {
  return (
    ctx.store.get(
      `SELECT 1 AS x FROM jobs WHERE run_id = ? AND kind IN (${PROGRESS_KINDS}) LIMIT 1`,
      runId,
    ) !== undefined
  );
}
