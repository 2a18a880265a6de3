import { retryDelayMs } from "./backoff";
import type { EngineContext } from "./context";
import { resolveWakeTime } from "./durations";
import { takeAttemptReset } from "./checkpoint";
import { startInvoke } from "./invoke";
import { registerWait } from "./pauses";
import { completeRun, failRun } from "./run-lifecycle";
import { isActive } from "./run-state";
import { loadRun, recordStepAttempt, recordStepOutcome, saveRun } from "./run-store";
import type { Job } from "./scheduler";
import { callSdk, type CallOutcome, type Op, type ResponseCheck } from "./sdk-call";
import { canonicalJson, signatureFor, signatureProblem } from "./signing";
import { applyStepResult, commitRun, planStep } from "./step-results";
import type { ConcurrencySlot, Run, SerializedError } from "./types";

const MAX_SLEEP_MS = 366 * 24 * 3600_000;
/** Ops that wait for something, which makes their group "pending" (optimized parallelism). */
const WAITING_OPS = new Set([
  "StepPlanned",
  "Sleep",
  "WaitForEvent",
  "InvokeFunction",
  "AIGateway",
  "Gateway",
  "WaitForSignal",
]);
const MEMOIZED_OPS = new Set(["StepRun", "Step", "RunComplete"]);
const UNSUPPORTED_OPS: Record<string, string> = {
  AIGateway: "step.ai.infer",
  Gateway: "step.fetch",
  WaitForSignal: "step.waitForSignal",
};

interface CallJobPayload {
  stepId: string;
  /** Display name of a planned step (execute calls), for the step history. */
  name: string;
  attempt: number;
  race: boolean;
  concurrency: ConcurrencySlot[];
}

function payloadOf(job: Job): CallJobPayload {
  const p = job.payload;
  return {
    stepId: typeof p["stepId"] === "string" ? p["stepId"] : "step",
    name:
      typeof p["name"] === "string"
        ? p["name"]
        : typeof p["stepId"] === "string"
          ? p["stepId"]
          : "step",
    attempt: typeof p["attempt"] === "number" ? p["attempt"] : 0,
    race: p["race"] === true,
    concurrency: Array.isArray(p["concurrency"]) ? (p["concurrency"] as ConcurrencySlot[]) : [],
  };
}

export function canStartCall(ctx: EngineContext, job: Job): boolean {
  return ctx.concurrency.hasCapacity(payloadOf(job).concurrency);
}

function callUrl(ctx: EngineContext, run: Run, stepId: string): string {
  const url = new URL(ctx.functions.get(run.fnId)?.config.url ?? run.config.url);
  url.searchParams.set("fnId", run.fnId);
  url.searchParams.set("stepId", stepId);
  return url.toString();
}

function requestBody(
  run: Run,
  stepId: string,
  attempt: number,
  checkpointJobId: string | undefined,
): Record<string, unknown> {
  const checkpointing = checkpointJobId !== undefined && stepId === "step" && !run.forcePlan;
  return {
    event: run.events[0],
    events: run.events,
    steps: run.steps,
    defers: {},
    version: run.requestVersion,
    use_api: false,
    ctx: {
      run_id: run.id,
      attempt,
      max_attempts: run.config.retries + 1,
      disable_immediate_execution: run.forcePlan || stepId !== "step",
      use_api: false,
      stack: { stack: run.stack, current: run.stack.length },
      step_id: stepId,
      // A present fn_id switches the SDK to checkpointing (section 8.1); omitted, it is classic.
      ...(checkpointing ? { fn_id: run.fnId, qi_id: checkpointJobId } : {}),
    },
  };
}

/**
 * Signed mode: the body goes out as the canonical JSON it is signed over (the SDK verifies the
 * canonical form of what it parsed), and the answer must carry the app's signature.
 */
function signedCall(
  ctx: EngineContext,
  message: Record<string, unknown>,
  headers: Record<string, string>,
): { body: string; checkResponse?: ResponseCheck } {
  const { signingKey, signingKeyFallback } = ctx.config;
  if (!signingKey) return { body: JSON.stringify(message) };
  const body = canonicalJson(message);
  headers["x-inngest-signature"] = signatureFor(body, signingKey);
  return {
    body,
    checkResponse: (answerHeaders, text) =>
      signatureProblem(answerHeaders.get("x-inngest-signature"), text, {
        signingKey,
        signingKeyFallback,
      }),
  };
}

function markStarted(ctx: EngineContext, run: Run): void {
  if (run.startedAt !== null) return;
  const now = Date.now();
  run.startedAt = now;
  run.status = "Running";
  saveRun(ctx.store, run);
  const finishMs = run.config.timeouts.finishMs;
  if (finishMs !== undefined) {
    ctx.scheduler.enqueue({
      id: `${run.id}:timeout-finish`,
      kind: "timeout-finish",
      runId: run.id,
      runAt: now + finishMs,
      orderAt: now + finishMs,
      payload: {},
    });
  }
}

/** Job: one call to the App (discovery when stepId is "step", else execute that step). */
export async function executeCall(ctx: EngineContext, job: Job): Promise<void> {
  const payload = payloadOf(job);
  const run = job.runId ? loadRun(ctx.store, job.runId) : undefined;
  if (!run || !isActive(run)) {
    ctx.scheduler.remove(job.id);
    return;
  }
  ctx.concurrency.acquire(payload.concurrency);
  const startedAt = Date.now();
  let outcome: CallOutcome;
  try {
    markStarted(ctx, run);
    const headers: Record<string, string> = {
      "x-inngest-server-kind": "dev",
      "x-inngest-step-id": payload.stepId,
      "x-run-id": run.id,
      "x-request-id": `${job.id}:${payload.attempt}`,
      "x-inngest-job-id": job.id,
    };
    if (run.requestVersion > 0) headers["x-inngest-req-version"] = String(run.requestVersion);
    const message = requestBody(
      run,
      payload.stepId,
      payload.attempt,
      ctx.config.checkpointing ? job.id : undefined,
    );
    outcome = await callSdk({
      url: callUrl(ctx, run, payload.stepId),
      ...signedCall(ctx, message, headers),
      headers,
      timeoutMs: ctx.config.callTimeoutMs,
    });
  } finally {
    ctx.concurrency.release(payload.concurrency);
  }
  // The engine shut down while the call was in flight: the job row stays and runs after restart.
  if (ctx.store.isClosed()) return;
  await ctx.store.txGrouped(() => handleOutcome(ctx, job, payload, outcome, startedAt));
}

function handleOutcome(
  ctx: EngineContext,
  job: Job,
  callPayload: CallJobPayload,
  outcome: CallOutcome,
  startedAt: number,
): void {
  // Steps checkpointed during this call succeeded, so its failure budget starts again.
  const payload = takeAttemptReset(job.id) ? { ...callPayload, attempt: 0 } : callPayload;
  const run = job.runId ? loadRun(ctx.store, job.runId) : undefined;
  ctx.scheduler.remove(job.id);
  // A run cancelled or finished while the call was in flight discards the answer.
  if (!run || !isActive(run)) return;
  if (outcome.requestVersion !== undefined && outcome.requestVersion > 0)
    run.requestVersion = outcome.requestVersion;
  const maxAttempts = run.config.retries + 1;
  switch (outcome.kind) {
    case "complete":
      completeRun(ctx, run, outcome.output);
      return;
    case "error": {
      if (payload.stepId !== "step") {
        recordStepAttempt(ctx.store, run.id, {
          hash: payload.stepId,
          name: payload.name,
          op: "StepError",
          startedAt,
        });
        recordStepOutcome(ctx.store, run.id, payload.stepId, {
          op: "StepError",
          endedAt: Date.now(),
          error: outcome.error,
        });
      }
      if (outcome.retriable && payload.attempt + 1 < maxAttempts) {
        retryJob(ctx, run, job, payload, outcome.retryAfterMs, outcome.error);
        saveRun(ctx.store, run);
      } else {
        failRun(ctx, run, outcome.error);
      }
      return;
    }
    case "ops":
      handleOps(ctx, run, job, payload, outcome, startedAt, maxAttempts);
      commitRun(ctx, run);
  }
}

function retryJob(
  ctx: EngineContext,
  run: Run,
  job: Job,
  payload: CallJobPayload,
  retryAfterMs: number | undefined,
  error: SerializedError,
): void {
  const delay = retryAfterMs ?? retryDelayMs(payload.attempt, ctx.config.backoffScale);
  const at = Date.now() + delay;
  ctx.scheduler.upsert({
    ...job,
    runAt: at,
    orderAt: at - run.priority * 1000,
    payload: { ...payload, attempt: payload.attempt + 1 },
  });
  ctx.log.debug(
    `run ${run.id} call ${payload.stepId} attempt ${payload.attempt} failed; retry in ${delay} ms`,
    { error: error.message },
  );
}

function stepName(op: Op): string {
  return op.displayName ?? op.userland?.id ?? op.name ?? op.id;
}

function errorOf(op: Op): SerializedError {
  const raw = (op.error ?? op.data) as Partial<SerializedError> | undefined;
  const { __serialized: _ignored, ...rest } = (raw ?? {}) as Record<string, unknown>;
  return {
    ...rest,
    name: typeof raw?.name === "string" ? raw.name : "Error",
    message: typeof raw?.message === "string" ? raw.message : "step failed",
  };
}

function handleOps(
  ctx: EngineContext,
  run: Run,
  job: Job,
  payload: CallJobPayload,
  outcome: Extract<CallOutcome, { kind: "ops" }>,
  startedAt: number,
  maxAttempts: number,
): void {
  const ops = outcome.ops
    .filter((op) => op.op !== "DeferAdd" && op.op !== "DeferAbort")
    // Waits first: they must exist before a sibling step.sendEvent emits the awaited event.
    .sort((a, b) => Number(b.op === "WaitForEvent") - Number(a.op === "WaitForEvent"));
  // Several StepRuns at once are a checkpointing fallback: store them, then one discovery.
  if (ops.length > 1 && ops.some((op) => !MEMOIZED_OPS.has(op.op))) {
    run.forcePlan = true;
    if (run.requestVersion >= 2 && ops.some((op) => WAITING_OPS.has(op.op))) {
      run.pending = [
        ...new Set(ops.map((op) => op.id).filter((id) => run.steps[id] === undefined)),
      ];
    }
  }
  for (const op of ops) {
    if (!isActive(run)) return;
    const race = payload.race || op.opts?.["parallelMode"] === "race";
    const now = Date.now();
    switch (op.op) {
      case "StepRun":
      case "Step": {
        const data = op.data === undefined ? null : op.data;
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: op.op,
          startedAt,
        });
        recordStepOutcome(ctx.store, run.id, op.id, { op: "StepRun", endedAt: now, output: data });
        applyStepResult(ctx, run, op.id, { data }, race);
        break;
      }
      case "StepError":
      case "StepFailed": {
        const error = errorOf(op);
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: op.op,
          startedAt,
        });
        const retriable =
          op.op === "StepError" && outcome.noRetry !== true && payload.attempt + 1 < maxAttempts;
        recordStepOutcome(ctx.store, run.id, op.id, {
          op: retriable ? "StepError" : "StepFailed",
          endedAt: now,
          error,
        });
        if (retriable) {
          retryJob(ctx, run, job, payload, outcome.retryAfterMs, error);
          return;
        }
        applyStepResult(ctx, run, op.id, { error }, race);
        break;
      }
      case "StepPlanned":
        planStep(ctx, run, op.id, race, stepName(op));
        break;
      case "Sleep": {
        if (run.steps[op.id] !== undefined) break;
        const spec = op.name ?? (op.opts?.["duration"] as string | undefined) ?? "1s";
        let wakeAt: number;
        try {
          wakeAt = resolveWakeTime(spec, now);
        } catch (error) {
          failRun(ctx, run, {
            name: "Error",
            message: `invalid sleep: ${(error as Error).message}`,
          });
          return;
        }
        if (wakeAt - now > MAX_SLEEP_MS) {
          failRun(ctx, run, { name: "Error", message: `sleep "${spec}" is longer than 366 days` });
          return;
        }
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: "Sleep",
          startedAt: now,
        });
        ctx.scheduler.enqueue({
          id: `${run.id}:wake:${op.id}`,
          kind: "wake",
          runId: run.id,
          runAt: wakeAt,
          orderAt: wakeAt,
          payload: { hash: op.id },
        });
        break;
      }
      case "WaitForEvent":
        if (run.steps[op.id] !== undefined) break;
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: "WaitForEvent",
          startedAt: now,
        });
        registerWait(ctx, run, op);
        break;
      case "InvokeFunction":
        if (run.steps[op.id] !== undefined) break;
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: "InvokeFunction",
          startedAt: now,
        });
        startInvoke(ctx, run, op);
        break;
      case "RunComplete":
        completeRun(ctx, run, op.data ?? null);
        return;
      case "DiscoveryRequest":
        break; // commitRun requests the discovery
      default: {
        const feature = UNSUPPORTED_OPS[op.op] ?? `opcode ${op.op}`;
        const error = {
          name: "UnsupportedStepError",
          message: `${feature} is not supported by the Selah engine`,
        };
        recordStepAttempt(ctx.store, run.id, {
          hash: op.id,
          name: stepName(op),
          op: op.op,
          startedAt: now,
        });
        recordStepOutcome(ctx.store, run.id, op.id, { op: "StepFailed", endedAt: now, error });
        applyStepResult(ctx, run, op.id, { error }, race);
      }
    }
  }
}

/** Job: a sleep is over; memoize null and continue. */
export function wakeSleeper(ctx: EngineContext, job: Job): void {
  ctx.store.tx(() => {
    ctx.scheduler.remove(job.id);
    const run = job.runId ? loadRun(ctx.store, job.runId) : undefined;
    const hash = job.payload["hash"];
    if (!run || !isActive(run) || typeof hash !== "string") return;
    recordStepOutcome(ctx.store, run.id, hash, { op: "Sleep", endedAt: Date.now(), output: null });
    applyStepResult(ctx, run, hash, { data: null });
    commitRun(ctx, run);
  });
}
