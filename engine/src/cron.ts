import { Cron } from "croner";
import type { EngineContext } from "./context";
import { InvalidFunctionError } from "./errors";
import { publishEvent } from "./events";
import { createRun } from "./run-starter";
import type { FunctionRecord, InngestEvent } from "./types";

/** Parses `[TZ=<zone> ]<5-field cron>`. */
function parseCron(expression: string): Cron {
  const match = /^(?:TZ=(\S+)\s+)?(.+)$/.exec(expression.trim());
  const pattern = match?.[2] ?? expression;
  return new Cron(pattern, { timezone: match?.[1], paused: true });
}

/** Next firing strictly after `after`; throws InvalidFunctionError for a bad expression. */
export function nextCronTime(expression: string, after: Date): number {
  let next: Date | null;
  try {
    next = parseCron(expression).nextRun(after);
  } catch (error) {
    throw new InvalidFunctionError(`invalid cron "${expression}": ${(error as Error).message}`);
  }
  if (!next) throw new InvalidFunctionError(`cron "${expression}" never fires`);
  return next.getTime();
}

function cronJobPrefix(fnId: string): string {
  return `cron:${fnId}:`;
}

/** Ensures each cron trigger has its next firing queued (kept across restarts). */
export function scheduleCrons(ctx: EngineContext, fn: FunctionRecord): void {
  fn.config.triggers.forEach((trigger, index) => {
    if (!("cron" in trigger)) return;
    const at = nextCronTime(trigger.cron, new Date());
    ctx.scheduler.enqueue({
      id: `${cronJobPrefix(fn.id)}${index}:${trigger.cron}`,
      kind: "cron",
      runId: null,
      runAt: at,
      orderAt: at,
      payload: { fnId: fn.id, cron: trigger.cron, index },
    });
  });
}

export function unscheduleCrons(ctx: EngineContext, fnId: string): void {
  ctx.scheduler.removeWhere("cron", cronJobPrefix(fnId));
}

/** Job: a cron fired; emit inngest/scheduled.timer and start the run directly. */
export function fireCron(
  ctx: EngineContext,
  jobId: string,
  fnId: string,
  cron: string,
  scheduledAt: number,
): void {
  ctx.store.tx(() => {
    ctx.scheduler.remove(jobId);
    const fn = ctx.functions.get(fnId);
    if (!fn || !fn.config.triggers.some((trigger) => "cron" in trigger && trigger.cron === cron))
      return;
    const scheduled = new Date(scheduledAt).toISOString();
    const event: InngestEvent = {
      name: "inngest/scheduled.timer",
      id: scheduled,
      data: { cron, scheduledAt: scheduled, fireAt: new Date().toISOString() },
      ts: Date.now(),
      user: {},
    };
    const internalId = publishEvent(ctx, event);
    createRun(ctx, fn, [event], { internalIds: [internalId] });
    scheduleCrons(ctx, fn);
  });
}
