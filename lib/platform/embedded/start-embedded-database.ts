import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { holdSessionUntilSync } from "./hold-session-until-sync";
import { acquireDatabaseLock, readDatabaseLock, DatabaseLockedError } from "./database-lock";
import { databaseCacheMb, directoryBytes } from "./database-cache-size";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Its page cache (shared_buffers), sized to the data it held at start. */
  cacheMb: number;
  stop(): Promise<void>;
};

/**
 * Serves a PGlite data dir over the Postgres wire protocol, so every process (web, worker,
 * CLIs, tests) reaches it with the ordinary `pg` driver. Two processes must never open the
 * same dir directly: PGlite has no lock and one silently loses the other's writes. Its page
 * cache is sized to the data at start (database-cache-size.ts).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedDatabase> {
  const host = options.host ?? "127.0.0.1";
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const owner = readDatabaseLock(options.dataDir);
  if (owner) throw new DatabaseLockedError(options.dataDir, owner);
  const cacheMb = databaseCacheMb(directoryBytes(options.dataDir));
  const db = await PGlite.create(options.dataDir, {
    extensions: { vector },
    // On the command line, as `postgres -c`: PGlite's `postgresqlconf` would replace the data
    // dir's postgresql.conf (its time zone and text search settings with it).
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${cacheMb}MB`],
  });
  const server = new PGLiteSocketServer({
    db: holdSessionUntilSync(db),
    port: options.port,
    host,
    maxConnections: 64,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(":").at(-1));
  const releaseLock = acquireDatabaseLock(options.dataDir, port);
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    port,
    cacheMb,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
