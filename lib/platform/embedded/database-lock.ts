import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { AppError } from "@/lib/platform/errors/app-error";

// PGlite has no lock of its own: two processes opening one data dir silently lose writes.
// The lock file also tells CLIs on which port the owner serves the database.
//
// An owner killed with SIGKILL (or with its machine or container) leaves its lock behind, and
// the system gives its pid to other processes later: after a reboot or a container restart,
// often one of Selah's own, even the database's own new process. So the lock also records
// which process held that pid (its start time, and the boot), and names a live owner only
// while that same process still runs.

export type DatabaseLock = { pid: number; port: number; process?: string };

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

/**
 * The process now running as `pid`, told apart from any other that had or will have the pid:
 * the boot and its start time (Linux's /proc). Undefined where there is no /proc.
 */
export function processIdentity(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, starttime; fields are counted from after "(comm)", which may hold spaces.
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return startTime ? `${boot}/${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

export function readDatabaseLock(dataDir: string): DatabaseLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as DatabaseLock;
    process.kill(lock.pid, 0);
    // The pid lives, but as another process: the owner died without removing its lock.
    if (lock.process !== undefined && processIdentity(lock.pid) !== lock.process) return null;
    return lock;
  } catch {
    return null;
  }
}

export function acquireDatabaseLock(dataDir: string, port: number): () => void {
  const owner = readDatabaseLock(dataDir);
  if (owner && owner.pid !== process.pid) throw new DatabaseLockedError(dataDir, owner);
  const lock: DatabaseLock = { pid: process.pid, port, process: processIdentity(process.pid) };
  writeFileSync(lockPath(dataDir), JSON.stringify(lock));
  return () => rmSync(lockPath(dataDir), { force: true });
}
