import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS apps (
  name TEXT PRIMARY KEY, id TEXT NOT NULL, url TEXT NOT NULL, checksum TEXT NOT NULL,
  sdk TEXT, framework TEXT, synced_at INTEGER NOT NULL, warnings TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS functions (
  id TEXT PRIMARY KEY, app_name TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
  config TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  internal_id TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
  received_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_name ON events(name, internal_id);
CREATE INDEX IF NOT EXISTS events_by_received ON events(received_at);
CREATE TABLE IF NOT EXISTS dedupe_keys (
  key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, fn_id TEXT NOT NULL, app_name TEXT NOT NULL, status TEXT NOT NULL,
  events TEXT NOT NULL, steps TEXT NOT NULL DEFAULT '{}', stack TEXT NOT NULL DEFAULT '[]',
  request_version INTEGER NOT NULL DEFAULT -1, force_plan INTEGER NOT NULL DEFAULT 0,
  pending TEXT NOT NULL DEFAULT '[]', output TEXT, error TEXT,
  created_at INTEGER NOT NULL, started_at INTEGER, ended_at INTEGER,
  correlation_id TEXT, singleton_key TEXT, config TEXT NOT NULL,
  concurrency TEXT NOT NULL DEFAULT '[]', priority INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS runs_by_fn ON runs(fn_id, id);
CREATE INDEX IF NOT EXISTS runs_by_ended ON runs(ended_at);
CREATE INDEX IF NOT EXISTS runs_by_singleton ON runs(singleton_key, status);
CREATE TABLE IF NOT EXISTS run_events (
  event_internal_id TEXT NOT NULL, run_id TEXT NOT NULL, PRIMARY KEY (event_internal_id, run_id));
CREATE INDEX IF NOT EXISTS run_events_by_run ON run_events(run_id);
CREATE TABLE IF NOT EXISTS step_history (
  run_id TEXT NOT NULL, hash TEXT NOT NULL, name TEXT NOT NULL, op TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, started_at INTEGER NOT NULL, ended_at INTEGER,
  output TEXT, error TEXT, seq INTEGER NOT NULL, PRIMARY KEY (run_id, hash));
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, run_id TEXT, run_at INTEGER NOT NULL,
  order_at INTEGER NOT NULL, payload TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS jobs_by_run ON jobs(run_id);
CREATE TABLE IF NOT EXISTS pauses (
  id TEXT PRIMARY KEY, run_id TEXT NOT NULL, kind TEXT NOT NULL, event_name TEXT NOT NULL,
  expression TEXT, hash TEXT, correlation_id TEXT, trigger_event TEXT NOT NULL,
  created_after TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS pauses_by_event ON pauses(event_name);
CREATE INDEX IF NOT EXISTS pauses_by_run ON pauses(run_id);
CREATE INDEX IF NOT EXISTS pauses_by_correlation ON pauses(correlation_id);
CREATE TABLE IF NOT EXISTS throttle_state (key TEXT PRIMARY KEY, tat INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rate_hits (key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS rate_hits_by_key ON rate_hits(key, at);
CREATE TABLE IF NOT EXISTS debounces (
  fn_id TEXT NOT NULL, key TEXT NOT NULL, event TEXT NOT NULL, first_at INTEGER NOT NULL,
  fire_at INTEGER NOT NULL, PRIMARY KEY (fn_id, key));
CREATE TABLE IF NOT EXISTS batches (
  fn_id TEXT NOT NULL, key TEXT NOT NULL, events TEXT NOT NULL, first_at INTEGER NOT NULL,
  PRIMARY KEY (fn_id, key));
`;

export type Row = Record<string, SQLInputValue>;

type Grouped = {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The store closed before a grouped transaction ran: nothing of it was written. */
export class StoreClosedError extends Error {
  constructor() {
    super("the engine's store is closed");
    this.name = "StoreClosedError";
  }
}

/** SQLite access: one connection, cached prepared statements, nestable transactions. */
export class Store {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private txDepth = 0;
  private closed = false;
  private group: Grouped[] = [];

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, "engine.sqlite"));
    // WAL + NORMAL: a killed process loses no committed transaction; only an OS crash could.
    this.db.exec(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;",
    );
    this.db.exec(SCHEMA);
    this.migrate();
  }

  /** Additive changes for data dirs created by earlier versions of the engine. */
  private migrate(): void {
    const jobColumns = (this.db.prepare("PRAGMA table_info(jobs)").all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!jobColumns.includes("leased"))
      this.db.exec("ALTER TABLE jobs ADD COLUMN leased INTEGER NOT NULL DEFAULT 0");
    if (!jobColumns.includes("gate1"))
      this.db.exec(
        "ALTER TABLE jobs ADD COLUMN gate1 TEXT; ALTER TABLE jobs ADD COLUMN gate2 TEXT;",
      );
    this.db.exec(
      "DROP INDEX IF EXISTS jobs_by_due; CREATE INDEX IF NOT EXISTS jobs_by_lease_due ON jobs(leased, run_at);",
    );
  }

  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  run(sql: string, ...params: SQLInputValue[]): { changes: number } {
    const result = this.prepare(sql).run(...params);
    return { changes: Number(result.changes) };
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  /** Runs fn atomically; a nested call is a savepoint, so its failure undoes only its own writes. */
  tx<T>(fn: () => T): T {
    const depth = this.txDepth;
    const savepoint = `sp${depth}`;
    this.db.exec(depth === 0 ? "BEGIN" : `SAVEPOINT ${savepoint}`);
    this.txDepth = depth + 1;
    try {
      const result = fn();
      this.db.exec(depth === 0 ? "COMMIT" : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      this.db.exec(depth === 0 ? "ROLLBACK" : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw error;
    } finally {
      this.txDepth = depth;
    }
  }

  /**
   * Runs fn atomically in one transaction shared with every other `txGrouped` of this turn of
   * the event loop: under load, many calls' answers share one commit (a commit of its own cost
   * an answer as much as its writes). Each fn is a savepoint: one that throws undoes only its own.
   */
  txGrouped<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.group.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.group.length === 1) setImmediate(() => this.commitGroup());
    });
  }

  private commitGroup(): void {
    const group = this.group;
    this.group = [];
    if (group.length === 0) return;
    if (this.closed) {
      for (const item of group) item.reject(new StoreClosedError());
      return;
    }
    let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
    try {
      outcomes = this.tx(() =>
        group.map(({ fn }) => {
          try {
            return { ok: true as const, value: this.tx(fn) };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      );
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) =>
      outcome.ok ? group[i]!.resolve(outcome.value) : group[i]!.reject(outcome.error),
    );
  }

  /** Commits what is waiting for a grouped commit, then closes. */
  close(): void {
    this.commitGroup();
    this.statements.clear();
    this.db.close();
    this.closed = true;
  }

  isClosed(): boolean {
    return this.closed;
  }
}
