import type { Db } from "@/lib/platform/db/client";
import { insertPlayEvents, type PlayEventRow } from "./insert-play-events";

/** Rows a statement at most: 400 beacons' worth, well inside a statement's memory. */
const MAX_ROWS_PER_INSERT = 10_000;

interface Pending {
  rows: PlayEventRow[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * How long the first beacon of a group waits for others before its INSERT goes, unless
 * GATHER_ROWS arrive sooner. At 80 beacons a second an INSERT took less time than the gap
 * between beacons, so nearly every beacon had a statement of its own; gathered, they share a
 * few a second. Nobody waits on a beacon's answer (the player sends it and moves on).
 */
const GATHER_MS = 100;
const GATHER_ROWS = 100;

/**
 * Group commit for beacons: the beacons that arrive within GATHER_MS of the first, or while an
 * INSERT is under way, go in together with one statement, so a busy minute costs the database
 * a few statements a second instead of one a beacon (the embedded database runs one statement
 * at a time, and every statement it runs for a beacon is one a search waits behind). Each
 * caller still returns only once its rows are stored, or with the statement's error.
 */
export function createPlayEventWriter(db: Db) {
  let pending: Pending | null = null;
  let isWriting = false;
  let gathering: NodeJS.Timeout | undefined;

  const flush = async () => {
    clearTimeout(gathering);
    gathering = undefined;
    isWriting = true;
    while (pending) {
      const batch = pending;
      pending = null;
      try {
        for (let at = 0; at < batch.rows.length; at += MAX_ROWS_PER_INSERT)
          await insertPlayEvents(db, batch.rows.slice(at, at + MAX_ROWS_PER_INSERT));
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
    isWriting = false;
  };

  return {
    /** Stores `rows` with whichever INSERT goes next; resolves once they are in the database. */
    write(rows: readonly PlayEventRow[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      if (!pending) {
        const { promise, resolve, reject } = Promise.withResolvers<void>();
        pending = { rows: [], done: promise, resolve, reject };
      }
      pending.rows.push(...rows);
      const { done } = pending;
      if (isWriting) return done; // goes with the next INSERT
      if (pending.rows.length >= GATHER_ROWS) void flush();
      else gathering ??= setTimeout(() => void flush(), GATHER_MS);
      return done;
    },
  };
}

export type PlayEventWriter = ReturnType<typeof createPlayEventWriter>;

const writers = new WeakMap<Db, PlayEventWriter>();

/** The writer of `db` (one per client, so each process's beacons share its statements). */
export function playEventWriterFor(db: Db): PlayEventWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = createPlayEventWriter(db)));
  return writer;
}
