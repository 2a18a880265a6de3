import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { AppError } from "@/lib/platform/errors/app-error";

// Prisma 7's `migrate deploy` needs a schema-engine binary that cannot be downloaded here, so
// this runner applies prisma/migrations itself. It keeps Prisma's own bookkeeping table and
// checksums, so `prisma migrate deploy` against a real Postgres sees the same history.

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// An arbitrary constant: concurrent runners (several web instances) wait for each other.
const LOCK_KEY = 72_707_369;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/** For whoever runs Selah (the CLI and start-up print it); a web answer says only "internal". */
export class MigrationError extends AppError {
  override name = "MigrationError";
  constructor(migration: string, cause: unknown) {
    super(
      "internal",
      `Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause, retriable: false },
    );
  }
}

export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedNames = new Set(done.rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const name of await listMigrations(dir)) {
      if (appliedNames.has(name)) continue;
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), createHash("sha256").update(sql).digest("hex"), name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MigrationError(name, error);
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: appliedNames.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function listMigrations(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
