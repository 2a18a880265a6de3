import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/platform/db/client";
import { startMigratedDatabase } from "./migrated-database";

export type SearchDatabase = { db: Db; url: string; stop(): Promise<void> };

/** A fresh migrated embedded database (no S3/SQS: search needs none). */
export async function startSearchDatabase(): Promise<SearchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "selah-search-"));
  const database = await startMigratedDatabase(path.join(dir, "pglite"));
  const db = createDb(database.url);
  return {
    db,
    url: database.url,
    async stop() {
      await db.$disconnect();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
