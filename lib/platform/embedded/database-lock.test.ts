import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDatabaseLock, processIdentity, readDatabaseLock } from "./database-lock";
import { startEmbeddedDatabase } from "./start-embedded-database";

// The lock a SIGKILLed database leaves behind names a pid the system hands out again (after a
// reboot or a container restart, often to one of Selah's own processes). The database's SIGKILL
// itself, mid-processing: test/pipeline/kill-web-and-database.test.ts.

const dir = mkdtempSync(path.join(tmpdir(), "selah-database-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leaveLock = (dataDir: string, lock: object) =>
  writeFileSync(`${dataDir}.lock`, JSON.stringify(lock));

describe("the embedded database's lock", () => {
  it("names its owner while that process runs, and nobody once it is released", () => {
    const dataDir = path.join(dir, "owned");
    const release = acquireDatabaseLock(dataDir, 5433);
    expect(readDatabaseLock(dataDir)).toMatchObject({ pid: process.pid, port: 5433 });
    release();
    expect(readDatabaseLock(dataDir)).toBeNull();
  });

  it("is stale once its pid belongs to another process than the one that took it", async () => {
    const dataDir = path.join(dir, "reused");
    // A process alive now, with the pid of an owner SIGKILLed in another boot or before it began.
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      leaveLock(dataDir, { pid: other.pid, port: 5433, process: "an-earlier-boot/123" });
      expect(readDatabaseLock(dataDir)).toBeNull();
      leaveLock(dataDir, { pid: other.pid, port: 5433, process: processIdentity(other.pid!) });
      expect(readDatabaseLock(dataDir)).toMatchObject({ pid: other.pid });
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("lets the database start again when its own new process got the dead owner's pid", async () => {
    const dataDir = path.join(dir, "pglite");
    leaveLock(dataDir, { pid: process.pid, port: 5433, process: "an-earlier-boot/123" });
    const database = await startEmbeddedDatabase({ dataDir, port: 0 });
    try {
      expect(readDatabaseLock(dataDir)).toMatchObject({ pid: process.pid, port: database.port });
    } finally {
      await database.stop();
    }
  });

  it("still honours a lock written without the process's identity while its pid lives", () => {
    const dataDir = path.join(dir, "older");
    leaveLock(dataDir, { pid: process.pid, port: 5433 });
    expect(readDatabaseLock(dataDir)).toMatchObject({ pid: process.pid, port: 5433 });
  });
});
