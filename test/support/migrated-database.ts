import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { migrate } from "@/lib/platform/db/migrate";
import {
  type EmbeddedDatabase,
  startEmbeddedDatabase,
} from "@/lib/platform/embedded/start-embedded-database";

/** Set by the test run's global setup: a migrated PGlite data dir, closed, to copy from. */
export const MIGRATED_TEMPLATE_ENV = "SELAH_TEST_MIGRATED_DATABASE";

/**
 * A fresh migrated embedded database in `dataDir`. A new PGlite data dir costs an initdb (about
 * 3 s of CPU); copying the run's migrated one costs tens of milliseconds, and the migrations
 * themselves are still run (and tested) once per run. Outside the test run's setup, it migrates.
 */
export async function startMigratedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const template = process.env[MIGRATED_TEMPLATE_ENV];
  if (template && existsSync(template) && !existsSync(dataDir)) {
    cpSync(template, dataDir, { recursive: true });
    return startEmbeddedDatabase({ dataDir, port: 0 });
  }
  const database = await startEmbeddedDatabase({ dataDir, port: 0 });
  await migrate(database.url);
  return database;
}

/** The global setup's half: builds the template once, before any test file runs. */
export async function buildMigratedTemplate(root: string): Promise<string> {
  const dataDir = path.join(root, "pglite");
  const database = await startEmbeddedDatabase({ dataDir, port: 0 });
  try {
    await migrate(database.url);
  } finally {
    await database.stop();
  }
  return dataDir;
}
