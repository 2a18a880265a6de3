import { z } from "zod";
import { parseDuration } from "./durations";
import { assertValidExpression } from "./expressions";
import { InvalidFunctionError } from "./errors";

/** Server default when a function sets no `retries`: 4 retries, 5 attempts. */
export const DEFAULT_RETRIES = 4;
const YEAR_MS = 366 * 24 * 3600_000;

const duration = z.union([z.string(), z.number()]);
const limitSchema = z.object({
  limit: z.number().int(),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

/** The function object in a register body (section 2.1), unknown keys kept for reporting. */
export const rawFunctionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z
    .array(
      z.union([
        z.object({ event: z.string().min(1), expression: z.string().optional() }),
        z.object({ cron: z.string().min(1), jitter: z.string().optional() }),
      ]),
    )
    .default([]),
  steps: z.record(
    z.string(),
    z.looseObject({
      id: z.string().optional(),
      runtime: z.looseObject({ type: z.string(), url: z.url() }),
      retries: z.object({ attempts: z.number().int().min(0).max(20) }).optional(),
    }),
  ),
  idempotency: z.string().optional(),
  rateLimit: z
    .object({ limit: z.number().int().min(1), period: duration, key: z.string().optional() })
    .optional(),
  throttle: z
    .object({
      limit: z.number().int().min(1),
      period: duration,
      key: z.string().optional(),
      burst: z.number().int().min(1).optional(),
    })
    .optional(),
  concurrency: z
    .union([z.number().int(), limitSchema, z.array(z.union([z.number().int(), limitSchema]))])
    .optional(),
  debounce: z
    .object({ period: duration, key: z.string().optional(), timeout: duration.optional() })
    .optional(),
  priority: z.object({ run: z.string().optional() }).optional(),
  timeouts: z.object({ start: duration.optional(), finish: duration.optional() }).optional(),
  cancel: z
    .array(
      z.object({
        event: z.string().min(1),
        if: z.string().optional(),
        timeout: duration.optional(),
      }),
    )
    .optional(),
  batchEvents: z
    .object({
      maxSize: z.number().int().min(1),
      timeout: duration,
      key: z.string().optional(),
      if: z.string().optional(),
    })
    .optional(),
  singleton: z.object({ key: z.string().optional(), mode: z.enum(["skip", "cancel"]) }).optional(),
});

export type RawFunction = z.infer<typeof rawFunctionSchema>;

const KNOWN_KEYS = new Set([
  "id",
  "name",
  "triggers",
  "steps",
  "idempotency",
  "rateLimit",
  "throttle",
  "concurrency",
  "debounce",
  "priority",
  "timeouts",
  "cancel",
  "batchEvents",
  "singleton",
]);

export type Trigger = { event: string; expression?: string } | { cron: string };

export interface ConcurrencyLimit {
  limit: number;
  key?: string;
  scope: "fn" | "env" | "account";
}

export interface FunctionConfig {
  id: string;
  name: string;
  triggers: Trigger[];
  url: string;
  retries: number;
  concurrency: ConcurrencyLimit[];
  throttle?: { limit: number; periodMs: number; key?: string; burst: number };
  rateLimit?: { limit: number; periodMs: number; key?: string };
  idempotency?: string;
  debounce?: { periodMs: number; key?: string; timeoutMs?: number };
  batchEvents?: { maxSize: number; timeoutMs: number; key?: string; if?: string };
  cancel: { event: string; if?: string; timeoutMs: number }[];
  priorityRun?: string;
  timeouts: { startMs?: number; finishMs?: number };
  singleton?: { key?: string; mode: "skip" | "cancel" };
}

/** An option the engine accepted but does not honour; reported at sync, never silent. */
export interface SyncWarning {
  function: string;
  option: string;
  message: string;
}

function toMs(value: string | number): number {
  return typeof value === "number" ? value : parseDuration(value);
}

function expression(fnId: string, option: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    assertValidExpression(text);
  } catch (error) {
    throw new InvalidFunctionError(`function ${fnId}: ${option}: ${(error as Error).message}`);
  }
  return text;
}

function durationOf(fnId: string, option: string, value: string | number): number {
  try {
    return toMs(value);
  } catch (error) {
    throw new InvalidFunctionError(`function ${fnId}: ${option}: ${(error as Error).message}`);
  }
}

/** Validates a synced function and turns it into the engine's config; throws InvalidFunctionError. */
export function normalizeFunction(raw: RawFunction, warnings: SyncWarning[]): FunctionConfig {
  const id = raw.id;
  const warn = (option: string, message: string) =>
    warnings.push({ function: id, option, message });
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key))
      warn(key, `option "${key}" is not supported by this engine and is ignored`);
  }
  const step = raw.steps["step"] ?? Object.values(raw.steps)[0];
  if (!step) throw new InvalidFunctionError(`function ${id}: no step runtime`);
  if (step.runtime.type !== "http") {
    throw new InvalidFunctionError(
      `function ${id}: runtime type "${step.runtime.type}" is not supported (only http)`,
    );
  }
  const triggers: Trigger[] = raw.triggers.map((trigger, index) => {
    if ("cron" in trigger) {
      if (trigger.jitter)
        warn(`triggers[${index}].jitter`, "cron jitter is not supported; the cron fires on time");
      return { cron: trigger.cron };
    }
    return {
      event: trigger.event,
      expression: expression(id, `triggers[${index}].expression`, trigger.expression),
    };
  });
  const rawConcurrency =
    raw.concurrency === undefined
      ? []
      : Array.isArray(raw.concurrency)
        ? raw.concurrency
        : [raw.concurrency];
  const concurrency = rawConcurrency
    .map((entry) => (typeof entry === "number" ? { limit: entry } : entry))
    .filter((entry) => entry.limit > 0)
    .map((entry, index) => ({
      limit: entry.limit,
      key: expression(id, `concurrency[${index}].key`, entry.key),
      scope: entry.scope ?? "fn",
    }));
  const config: FunctionConfig = {
    id,
    name: raw.name ?? id,
    triggers,
    url: step.runtime.url,
    retries: step.retries?.attempts ?? DEFAULT_RETRIES,
    concurrency,
    cancel: (raw.cancel ?? []).map((cancel, index) => ({
      event: cancel.event,
      if: expression(id, `cancel[${index}].if`, cancel.if),
      timeoutMs:
        cancel.timeout === undefined
          ? YEAR_MS
          : durationOf(id, `cancel[${index}].timeout`, cancel.timeout),
    })),
    timeouts: {
      startMs:
        raw.timeouts?.start === undefined
          ? undefined
          : durationOf(id, "timeouts.start", raw.timeouts.start),
      finishMs:
        raw.timeouts?.finish === undefined
          ? undefined
          : durationOf(id, "timeouts.finish", raw.timeouts.finish),
    },
    priorityRun: expression(id, "priority.run", raw.priority?.run),
  };
  if (raw.throttle) {
    config.throttle = {
      limit: raw.throttle.limit,
      periodMs: durationOf(id, "throttle.period", raw.throttle.period),
      key: expression(id, "throttle.key", raw.throttle.key),
      burst: raw.throttle.burst ?? 1,
    };
  }
  if (raw.rateLimit) {
    config.rateLimit = {
      limit: raw.rateLimit.limit,
      periodMs: durationOf(id, "rateLimit.period", raw.rateLimit.period),
      key: expression(id, "rateLimit.key", raw.rateLimit.key),
    };
  }
  config.idempotency = expression(id, "idempotency", raw.idempotency);
  if (raw.debounce) {
    config.debounce = {
      periodMs: durationOf(id, "debounce.period", raw.debounce.period),
      key: expression(id, "debounce.key", raw.debounce.key),
      timeoutMs:
        raw.debounce.timeout === undefined
          ? undefined
          : durationOf(id, "debounce.timeout", raw.debounce.timeout),
    };
  }
  if (raw.batchEvents) {
    config.batchEvents = {
      maxSize: raw.batchEvents.maxSize,
      timeoutMs: durationOf(id, "batchEvents.timeout", raw.batchEvents.timeout),
      key: expression(id, "batchEvents.key", raw.batchEvents.key),
      if: expression(id, "batchEvents.if", raw.batchEvents.if),
    };
  }
  if (raw.singleton) {
    config.singleton = {
      key: expression(id, "singleton.key", raw.singleton.key),
      mode: raw.singleton.mode,
    };
  }
  return config;
}
