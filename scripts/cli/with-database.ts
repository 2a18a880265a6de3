import { migrate } from "@/lib/platform/db/migrate";
import { readDatabaseLock } from "@/lib/platform/embedded/database-lock";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { databaseDir, databaseUrlFor } from "../launcher/embedded-urls";
import { readLauncherEnv } from "../launcher/launcher-env";

/**
 * Runs a CLI job against DATABASE_URL, or against the embedded database: through the running
 * Selah that owns it, or by opening it here when nothing else has it open. The schema is
 * brought up to date first, so a CLI never meets a half-migrated database.
 */
export async function withDatabase<T>(job: (databaseUrl: string) => Promise<T>): Promise<T> {
  const run = async (url: string) => {
    await migrate(url);
    return job(url);
  };
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const dataDir = databaseDir(readLauncherEnv());
  const owner = readDatabaseLock(dataDir);
  if (owner) return run(databaseUrlFor(owner.port));
  const database = await startEmbeddedDatabase({ dataDir, port: 0 });
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}
