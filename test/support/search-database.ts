import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";

export type SearchDatabase = { db: Db; url: string; stop(): Promise<void> };

/** A fresh migrated embedded database (no S3/SQS: search needs none). */
export async function startSearchDatabase(): Promise<SearchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "selah-search-"));
  const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), port: 0 });
  await migrate(database.url);
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
