import { readDatabaseLock } from "@/lib/embedded/database-lock";
import { startEmbeddedDatabase } from "@/lib/embedded/start-embedded-database";
import { databaseDir, databaseUrlFor } from "../launcher/embedded-urls";
import { readLauncherEnv } from "../launcher/launcher-env";

/**
 * Runs a CLI job against DATABASE_URL, or against the embedded database: through the running
 * Selah that owns it, or by opening it here when nothing else has it open.
 */
export async function withDatabase<T>(job: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return job(process.env.DATABASE_URL);
  const dataDir = databaseDir(readLauncherEnv());
  const owner = readDatabaseLock(dataDir);
  if (owner) return job(databaseUrlFor(owner.port));
  const database = await startEmbeddedDatabase({ dataDir, port: 0 });
  try {
    return await job(database.url);
  } finally {
    await database.stop();
  }
}
