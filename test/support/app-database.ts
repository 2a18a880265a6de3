import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDb } from "@/lib/platform/db/client";
import { ORIGIN } from "./auth-session";
import { startMigratedDatabase } from "./migrated-database";

export type AppDatabase = { url: string; stop(): Promise<void> };

/**
 * A migrated embedded database for the app's own route handlers called in this process (auth,
 * `/api/me/…`): the environment points at it, with a queue nobody listens on (these handlers
 * publish nothing that must arrive).
 */
export async function startAppDatabase(): Promise<AppDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "selah-app-"));
  const database = await startMigratedDatabase(path.join(dir, "pglite"));
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: "s".repeat(40),
    BETTER_AUTH_URL: ORIGIN,
    SQS_QUEUE_URL: "http://127.0.0.1:9/queue/events",
    SQS_DLQ_URL: "http://127.0.0.1:9/queue/events-dlq",
    INNGEST_DEV: "1",
  });
  return {
    url: database.url,
    async stop() {
      await getDb().$disconnect();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
