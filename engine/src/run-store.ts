import type { Store } from "./store";
import type { Run, RunStatus } from "./types";

interface RunRow {
  id: string;
  fn_id: string;
  app_name: string;
  status: string;
  events: string;
  steps: string;
  stack: string;
  request_version: number;
  force_plan: number;
  pending: string;
  output: string | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  correlation_id: string | null;
  singleton_key: string | null;
  config: string;
  concurrency: string;
  priority: number;
}

function fromRow(row: RunRow): Run {
  return {
    id: row.id,
    fnId: row.fn_id,
    appName: row.app_name,
    status: row.status as RunStatus,
    events: JSON.parse(row.events),
    steps: JSON.parse(row.steps),
    stack: JSON.parse(row.stack),
    requestVersion: row.request_version,
    forcePlan: row.force_plan === 1,
    pending: JSON.parse(row.pending),
    output: row.output === null ? null : JSON.parse(row.output),
    error: row.error === null ? null : JSON.parse(row.error),
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    correlationId: row.correlation_id,
    singletonKey: row.singleton_key,
    config: JSON.parse(row.config),
    concurrency: JSON.parse(row.concurrency),
    priority: row.priority,
  };
}

export function loadRun(store: Store, runId: string): Run | undefined {
  const row = store.get<RunRow>("SELECT * FROM runs WHERE id = ?", runId);
  return row && fromRow(row);
}

export function insertRun(store: Store, run: Run): void {
  store.run(
    `INSERT INTO runs (id, fn_id, app_name, status, events, steps, stack, request_version, force_plan,
       pending, output, error, created_at, started_at, ended_at, correlation_id, singleton_key, config,
       concurrency, priority)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    run.id,
    run.fnId,
    run.appName,
    run.status,
    JSON.stringify(run.events),
    JSON.stringify(run.steps),
    JSON.stringify(run.stack),
    run.requestVersion,
    run.forcePlan ? 1 : 0,
    JSON.stringify(run.pending),
    run.output === null ? null : JSON.stringify(run.output),
    run.error === null ? null : JSON.stringify(run.error),
    run.createdAt,
    run.startedAt,
    run.endedAt,
    run.correlationId,
    run.singletonKey,
    JSON.stringify(run.config),
    JSON.stringify(run.concurrency),
    run.priority,
  );
}

/** Writes the mutable part of a run; returns the size of the memoized state in bytes. */
export function saveRun(store: Store, run: Run): number {
  const steps = JSON.stringify(run.steps);
  store.run(
    `UPDATE runs SET status = ?, steps = ?, stack = ?, request_version = ?, force_plan = ?, pending = ?,
       output = ?, error = ?, started_at = ?, ended_at = ? WHERE id = ?`,
    run.status,
    steps,
    JSON.stringify(run.stack),
    run.requestVersion,
    run.forcePlan ? 1 : 0,
    JSON.stringify(run.pending),
    run.output === null || run.output === undefined ? null : JSON.stringify(run.output),
    run.error === null ? null : JSON.stringify(run.error),
    run.startedAt,
    run.endedAt,
    run.id,
  );
  return Buffer.byteLength(steps);
}

export interface StepHistoryEntry {
  hash: string;
  name: string;
  op: string;
  attempts: number;
  started_at: number;
  ended_at: number | null;
  output: string | null;
  error: string | null;
}

/** Records a step attempt for the REST API / UI timeline. */
export function recordStepAttempt(
  store: Store,
  runId: string,
  entry: { hash: string; name: string; op: string; startedAt: number },
): void {
  store.run(
    `INSERT INTO step_history (run_id, hash, name, op, attempts, started_at, seq)
     VALUES (?, ?, ?, ?, 1, ?, (SELECT COUNT(*) FROM step_history WHERE run_id = ?))
     ON CONFLICT (run_id, hash) DO UPDATE SET attempts = attempts + 1, op = excluded.op, name = excluded.name`,
    runId,
    entry.hash,
    entry.name,
    entry.op,
    entry.startedAt,
    runId,
  );
}

export function recordStepOutcome(
  store: Store,
  runId: string,
  hash: string,
  outcome: { op: string; endedAt: number | null; output?: unknown; error?: unknown },
): void {
  store.run(
    `UPDATE step_history SET op = ?, ended_at = ?, output = ?, error = ? WHERE run_id = ? AND hash = ?`,
    outcome.op,
    outcome.endedAt,
    outcome.output === undefined ? null : truncateJson(outcome.output),
    outcome.error === undefined ? null : truncateJson(outcome.error),
    runId,
    hash,
  );
}

const HISTORY_OUTPUT_LIMIT = 64 * 1024;

/** History keeps a bounded copy; the full value lives in the run's memoized state. */
function truncateJson(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > HISTORY_OUTPUT_LIMIT
    ? JSON.stringify({ truncated: true, bytes: text.length })
    : text;
}

export function loadStepHistory(store: Store, runId: string): StepHistoryEntry[] {
  return store.all<StepHistoryEntry>(
    "SELECT hash, name, op, attempts, started_at, ended_at, output, error FROM step_history WHERE run_id = ? ORDER BY seq",
    runId,
  );
}
