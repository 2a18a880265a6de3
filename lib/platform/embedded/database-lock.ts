import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { AppError } from "@/lib/platform/errors/app-error";

// PGlite has no lock of its own: two processes opening one data dir silently lose writes.
// The lock file also tells CLIs on which port the owner serves the database.

export type DatabaseLock = { pid: number; port: number };

export class DatabaseLockedError extends AppError {
  override name = "DatabaseLockedError";
  constructor(
    readonly dataDir: string,
    readonly owner: DatabaseLock,
  ) {
    super(
      "conflict",
      `The embedded database in ${dataDir} is already open by process ${owner.pid} (serving on port ${owner.port}).`,
    );
  }
}

const lockPath = (dataDir: string) => `${dataDir}.lock`;

export function readDatabaseLock(dataDir: string): DatabaseLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as DatabaseLock;
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return null;
  }
}

export function acquireDatabaseLock(dataDir: string, port: number): () => void {
  const owner = readDatabaseLock(dataDir);
  if (owner && owner.pid !== process.pid) throw new DatabaseLockedError(dataDir, owner);
  writeFileSync(
    lockPath(dataDir),
    JSON.stringify({ pid: process.pid, port } satisfies DatabaseLock),
  );
  return () => rmSync(lockPath(dataDir), { force: true });
}
