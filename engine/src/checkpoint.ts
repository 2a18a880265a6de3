import { z } from "zod";
import type { EngineContext } from "./context";
import { HttpError } from "./errors";
import { completeRun, failRun } from "./run-lifecycle";
import { isActive } from "./run-state";
import { loadRun, recordStepAttempt, recordStepOutcome, saveRun } from "./run-store";
import { opSchema } from "./sdk-call";
import { MAX_STEP_BYTES } from "./step-results";

const checkpointBodySchema = z.looseObject({
  run_id: z.string().optional(),
  fn_id: z.string().optional(),
  qi_id: z.string().optional(),
  steps: z.array(opSchema),
});

/** Ops that only tell us what happened; anything asynchronous must come back in the 206. */
const INFORMATIONAL_OPS = new Set(["StepPlanned", "DeferAdd", "DeferAbort"]);

/** The SDK reports when a step started as `timing.a`, in nanoseconds since the epoch. */
function startedAtOf(op: Record<string, unknown>, fallback: number): number {
  const start = (op["timing"] as { a?: unknown } | undefined)?.a;
  const ms = typeof start === "number" ? Math.floor(start / 1e6) : NaN;
  return Number.isFinite(ms) && ms > 0 && ms <= fallback ? ms : fallback;
}

/** Call jobs whose attempt budget a checkpoint reset (a step succeeded during the call). */
const attemptResets = new Set<string>();

export function takeAttemptReset(jobId: string): boolean {
  return attemptResets.delete(jobId);
}

/**
 * POST /v1/checkpoint/:runId/async (section 8.1): steps the SDK ran inside one call, reported
 * as it goes. They are memoized without scheduling anything; the call's final 206 decides
 * what happens next. 409 tells the SDK its dispatch is stale (the run ended).
 */
export function acceptCheckpoint(ctx: EngineContext, runId: string, body: unknown): void {
  const parsed = checkpointBodySchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(400, `invalid checkpoint body: ${parsed.error.issues[0]?.message}`);
  const asyncOp = parsed.data.steps.find(
    (op) => !["StepRun", "Step", "RunComplete"].includes(op.op) && !INFORMATIONAL_OPS.has(op.op),
  );
  if (asyncOp)
    throw new HttpError(
      400,
      `op ${asyncOp.op} cannot be checkpointed; return it in the call's response`,
    );
  const rejection = ctx.store.tx((): HttpError | undefined => {
    const run = loadRun(ctx.store, runId);
    if (!run) return new HttpError(404, `run ${runId} not found`);
    if (!isActive(run)) return new HttpError(409, `run ${runId} already ended (${run.status})`);
    const now = Date.now();
    for (const op of parsed.data.steps) {
      if (op.op === "RunComplete") {
        completeRun(ctx, run, op.data ?? null);
        return undefined;
      }
      if (INFORMATIONAL_OPS.has(op.op) || run.steps[op.id] !== undefined) continue;
      const data = op.data === undefined ? null : op.data;
      const bytes = Buffer.byteLength(JSON.stringify(data));
      if (bytes > MAX_STEP_BYTES) {
        failRun(ctx, run, {
          name: "StepOutputTooLargeError",
          message: `step ${op.id} returned ${bytes} bytes; the limit is ${MAX_STEP_BYTES} bytes (4 MB)`,
        });
        return new HttpError(409, "run failed: step output too large");
      }
      recordStepAttempt(ctx.store, run.id, {
        hash: op.id,
        name: op.displayName ?? op.userland?.id ?? op.name ?? op.id,
        op: "StepRun",
        startedAt: startedAtOf(op, now),
      });
      recordStepOutcome(ctx.store, run.id, op.id, { op: "StepRun", endedAt: now, output: data });
      run.steps[op.id] = { data };
      run.stack.push(op.id);
    }
    saveRun(ctx.store, run);
    if (parsed.data.qi_id) attemptResets.add(parsed.data.qi_id);
    return undefined;
  });
  // Thrown only after the transaction committed, so a run failed above stays failed.
  if (rejection) throw rejection;
}
