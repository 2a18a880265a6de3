import type { Logger } from "./logger";
import type { Store } from "./store";

export type JobKind =
  | "call"
  | "wake"
  | "wait-timeout"
  | "invoke-timeout"
  | "timeout-start"
  | "timeout-finish"
  | "debounce"
  | "batch"
  | "cron"
  | "maintenance";

export interface Job {
  id: string;
  kind: JobKind;
  runId: string | null;
  runAt: number;
  /** Ordering among due jobs; priority shifts it earlier than runAt. */
  orderAt: number;
  payload: Record<string, unknown>;
  /** Up to two concurrency keys; while one is saturated the job is not even fetched. */
  gates?: string[];
}

interface JobRow {
  id: string;
  kind: string;
  run_id: string | null;
  run_at: number;
  order_at: number;
  payload: string;
  gate1: string | null;
  gate2: string | null;
}

export interface JobHandlers {
  /** Whether a due call job may start now (concurrency); other kinds always may. */
  canStart(job: Job): boolean;
  /** Gates (concurrency keys) that are full right now. */
  closedGates(): string[];
  /** Handles a job. Must delete or reschedule the job itself. */
  handle(job: Job): Promise<void> | void;
}

const MAX_TIMER_MS = 60_000;

/**
 * Durable job queue in SQLite. A job stays in the table while it runs, so a crash re-runs
 * it on restart (at-least-once); in-flight tracking is in memory only.
 */
export class Scheduler {
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pokeQueued = false;
  private stopped = true;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly handlers: JobHandlers,
    private readonly maxInflight: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    // Leases are only meaningful within one process lifetime: after a restart nothing runs.
    this.store.run("UPDATE jobs SET leased = 0 WHERE leased = 1");
    this.stopped = false;
    this.poke();
  }

  /**
   * Stops dispatching and waits up to `graceMs` for running jobs. Calls still running after
   * that keep their job row, so they run again after a restart.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }

  /** Inserts a job unless one with the same id exists (ids double as dedupe keys). */
  enqueue(job: Job): boolean {
    const { changes } = this.store.run(`INSERT OR IGNORE ${INSERT_JOB}`, ...jobValues(job));
    this.poke();
    return changes > 0;
  }

  /** Inserts or moves a job (debounce timers, retries). */
  upsert(job: Job): void {
    this.store.run(
      `INSERT ${INSERT_JOB}
       ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at, order_at = excluded.order_at, payload = excluded.payload,
         gate1 = excluded.gate1, gate2 = excluded.gate2, leased = 0`,
      ...jobValues(job),
    );
    this.poke();
  }

  has(id: string): boolean {
    return this.store.get("SELECT 1 AS x FROM jobs WHERE id = ?", id) !== undefined;
  }

  remove(id: string): void {
    this.store.run("DELETE FROM jobs WHERE id = ?", id);
  }

  removeForRun(runId: string): void {
    this.store.run("DELETE FROM jobs WHERE run_id = ?", runId);
  }

  countForRun(runId: string): number {
    return (
      this.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE run_id = ?", runId)?.n ??
      0
    );
  }

  removeWhere(kind: JobKind, idPrefix: string): void {
    this.store.run(
      "DELETE FROM jobs WHERE kind = ? AND id >= ? AND id < ?",
      kind,
      idPrefix,
      idPrefix + "\uffff",
    );
  }

  isRunning(id: string): boolean {
    return this.inFlight.has(id);
  }

  /** Schedules a tick soon; coalesces bursts of pokes into one. */
  poke(): void {
    if (this.pokeQueued || this.stopped) return;
    this.pokeQueued = true;
    setImmediate(() => {
      this.pokeQueued = false;
      this.tick();
    });
  }

  private tick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.dispatchDueJobs();
    } catch (error) {
      // A storage error must not take the process down; try again shortly.
      this.log.error("scheduler tick failed; retrying in 1s", { error: (error as Error).message });
      this.timer = setTimeout(() => this.tick(), 1000);
      this.timer.unref();
    }
  }

  private dispatchDueJobs(): void {
    const now = Date.now();
    const freeSlots = this.maxInflight - this.inFlight.size;
    // Jobs behind a full concurrency key are filtered in SQL, so a long backlog of one
    // function cannot hide other functions' due jobs beyond the LIMIT.
    const closed = JSON.stringify(this.handlers.closedGates());
    const rows = this.store.all<JobRow>(
      `SELECT id, kind, run_id, run_at, order_at, payload, gate1, gate2 FROM jobs
       WHERE leased = 0 AND run_at <= ?
         AND (gate1 IS NULL OR gate1 NOT IN (SELECT value FROM json_each(?)))
         AND (gate2 IS NULL OR gate2 NOT IN (SELECT value FROM json_each(?)))
       ORDER BY order_at, id LIMIT ?`,
      now,
      closed,
      closed,
      Math.max(freeSlots, 0) * 2 + 100,
    );
    // One transaction for the whole batch: leases and the synchronous part of every handler
    // share a single commit.
    this.store.tx(() => this.dispatchDue(rows));
    this.armTimer(now);
  }

  private dispatchDue(rows: JobRow[]): void {
    for (const row of rows) {
      if (this.stopped) return;
      if (this.inFlight.has(row.id)) continue;
      const job: Job = {
        id: row.id,
        kind: row.kind as JobKind,
        runId: row.run_id,
        runAt: row.run_at,
        orderAt: row.order_at,
        payload: JSON.parse(row.payload),
        gates: [row.gate1, row.gate2].filter((gate): gate is string => gate !== null),
      };
      if (job.kind === "call") {
        if (this.inFlight.size >= this.maxInflight || !this.handlers.canStart(job)) continue;
      }
      this.dispatch(job);
    }
  }

  private dispatch(job: Job): void {
    this.inFlight.add(job.id);
    // Only calls outlive this tick; other handlers delete their job right away.
    if (job.kind === "call") this.store.run("UPDATE jobs SET leased = 1 WHERE id = ?", job.id);
    const finish = (error?: unknown) => {
      this.inFlight.delete(job.id);
      if (error !== undefined && !this.stopped) {
        this.log.error(`job ${job.kind} ${job.id} failed unexpectedly; retrying in 1s`, {
          error: error instanceof Error ? error.message : String(error),
        });
        // Move it out of the way so one broken job cannot spin the loop.
        this.store.run(
          "UPDATE jobs SET run_at = ?, order_at = ?, leased = 0 WHERE id = ?",
          Date.now() + 1000,
          Date.now() + 1000,
          job.id,
        );
      }
      if (this.inFlight.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      this.poke();
    };
    try {
      const result = this.handlers.handle(job);
      if (result instanceof Promise) result.then(() => finish(), finish);
      else finish();
    } catch (error) {
      finish(error);
    }
  }

  /** `now` must be the tick's own clock reading, or a job due between the two reads is missed. */
  private armTimer(now: number): void {
    const next = this.store.get<{ at: number | null }>(
      "SELECT MIN(run_at) AS at FROM jobs WHERE leased = 0 AND run_at > ?",
      now,
    );
    const delay =
      next?.at == null ? MAX_TIMER_MS : Math.min(Math.max(next.at - Date.now(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.tick(), delay);
    this.timer.unref();
  }
}

const INSERT_JOB =
  "INTO jobs (id, kind, run_id, run_at, order_at, payload, gate1, gate2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/** A job's values in INSERT_JOB's column order. */
const jobValues = (job: Job) =>
  [
    job.id,
    job.kind,
    job.runId,
    job.runAt,
    job.orderAt,
    JSON.stringify(job.payload),
    job.gates?.[0] ?? null,
    job.gates?.[1] ?? null,
  ] as const;
