import type { EngineContext } from "./context";
import { publishSystemEvent } from "./events";
import { forgetRun, isActive } from "./run-state";
import { loadRun, saveRun } from "./run-store";
import type { Run, RunStatus, SerializedError } from "./types";

function endRun(ctx: EngineContext, run: Run, status: RunStatus): void {
  run.status = status;
  run.endedAt = Date.now();
  run.pending = [];
  saveRun(ctx.store, run);
  ctx.scheduler.removeForRun(run.id);
  ctx.store.run("DELETE FROM pauses WHERE run_id = ?", run.id);
  forgetRun(run.id);
}

function finishedData(run: Run): Record<string, unknown> {
  const data: Record<string, unknown> = {
    function_id: run.fnId,
    run_id: run.id,
    event: run.events[0],
    events: run.events,
  };
  if (run.correlationId) data["correlation_id"] = run.correlationId;
  return data;
}

export function completeRun(ctx: EngineContext, run: Run, output: unknown): void {
  if (!isActive(run)) return;
  ctx.store.tx(() => {
    run.output = output ?? null;
    endRun(ctx, run, "Completed");
    publishSystemEvent(ctx, "inngest/function.finished", {
      ...finishedData(run),
      result: run.output,
      _inngest: { status: "Completed" },
    });
  });
  ctx.log.debug(`run ${run.id} completed`);
}

export function failRun(ctx: EngineContext, run: Run, error: SerializedError): void {
  if (!isActive(run)) return;
  ctx.store.tx(() => {
    run.error = error;
    endRun(ctx, run, "Failed");
    const data = {
      ...finishedData(run),
      error: { error: `${error.name}: ${error.message}`, ...error },
      result: null,
    };
    publishSystemEvent(ctx, "inngest/function.failed", data, run.id);
    publishSystemEvent(ctx, "inngest/function.finished", {
      ...data,
      _inngest: { status: "Failed" },
    });
  });
  ctx.log.info(`run ${run.id} of ${run.fnId} failed: ${error.name}: ${error.message}`);
}

/** Cancels an active run by id; returns false when it is unknown or already ended. */
export function cancelRun(ctx: EngineContext, runId: string, reason: string): boolean {
  const run = loadRun(ctx.store, runId);
  if (!run || !isActive(run)) return false;
  ctx.store.tx(() => {
    run.error = { name: "RunCancelledError", message: reason };
    endRun(ctx, run, "Cancelled");
    const data = finishedData(run);
    publishSystemEvent(ctx, "inngest/function.cancelled", data, run.id);
    publishSystemEvent(ctx, "inngest/function.finished", {
      ...data,
      _inngest: { status: "Cancelled" },
    });
  });
  ctx.log.info(`run ${run.id} of ${run.fnId} cancelled: ${reason}`);
  return true;
}
