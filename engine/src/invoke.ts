import type { EngineContext } from "./context";
import { resolveWakeTime } from "./durations";
import { publishEvent } from "./events";
import { newUlid } from "./ids";
import { registerInvokePause } from "./pauses";
import { createRun } from "./run-starter";
import type { Op } from "./sdk-call";
import { applyStepResult } from "./step-results";
import type { InngestEvent, Run } from "./types";

/** InvokeFunction op: start the target run with an `inngest/function.invoked` event and wait for it. */
export function startInvoke(ctx: EngineContext, run: Run, op: Op): void {
  const opts = op.opts ?? {};
  const targetId = typeof opts["function_id"] === "string" ? opts["function_id"] : "";
  const target = ctx.functions.get(targetId);
  if (!target) {
    applyStepResult(ctx, run, op.id, {
      error: { name: "Error", message: `could not find function with ID: ${targetId}` },
    });
    return;
  }
  const payload = (opts["payload"] ?? {}) as { data?: Record<string, unknown>; v?: string };
  const correlationId = `${run.id}.${op.id}`;
  const now = Date.now();
  const expiresAt = resolveWakeTime(
    typeof opts["timeout"] === "string" && opts["timeout"] ? opts["timeout"] : "366d",
    now,
  );
  const internalId = newUlid(now);
  const event: InngestEvent = {
    name: "inngest/function.invoked",
    data: {
      ...(payload.data ?? {}),
      _inngest: {
        fn_id: target.id,
        correlation_id: correlationId,
        source_app_id: run.appName,
        source_fn_id: run.fnId,
      },
    },
    id: internalId,
    ts: now,
    user: {},
  };
  if (payload.v) event.v = payload.v;
  registerInvokePause(ctx, run, op.id, correlationId, expiresAt);
  publishEvent(ctx, event, internalId);
  const result = createRun(ctx, target, [event], {
    internalIds: [internalId],
    correlationId,
    dedupe: false,
  });
  if (!result.started) {
    ctx.store.run("DELETE FROM pauses WHERE id = ?", `${run.id}:invoke:${op.id}`);
    ctx.scheduler.remove(`${run.id}:invoke:${op.id}`);
    applyStepResult(ctx, run, op.id, {
      error: {
        name: "Error",
        message: `invoked function ${target.id} did not start: ${result.reason}`,
      },
    });
  }
}
