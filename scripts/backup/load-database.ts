import { createReadStream } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { migrate } from "@/lib/platform/db/migrate";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import { AppError } from "@/lib/platform/errors/app-error";
import type { DatabaseDump } from "./backup-manifest";
import { quoteIdent } from "./dump-database";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/** Rows per INSERT, and the most JSON text one INSERT carries. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Loads a dump into an empty database: the migrations the dump was made under first (so the
 * rows meet the schema they came from), then every table's rows in dependency order, then
 * the migrations this Selah has beyond those (so their data changes apply to the restored rows).
 */
export async function loadDatabase(
  databaseUrl: string,
  dump: DatabaseDump,
  stagingDir: string,
): Promise<{ rows: number; laterMigrations: string[] }> {
  await migrateTo(databaseUrl, dump.migrations);
  if (dump.embeddingDimensions !== null)
    await ensureVectorColumn(databaseUrl, dump.embeddingDimensions);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows = 0;
  try {
    // Like pg_restore: rows first, then the indexes that enforce nothing (search's HNSW and GIN
    // indexes above all), built once over all rows instead of row by row.
    const deferred = (
      await client.query<{ name: string; definition: string }>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
         WHERE n.nspname = 'public' AND NOT x.indisunique AND NOT x.indisprimary`,
      )
    ).rows;
    for (const index of deferred) await client.query(`DROP INDEX ${quoteIdent(index.name)}`);
    for (const table of dump.tables) {
      const present = new Set(
        (
          await client.query<{ name: string }>(
            `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass
             AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
            [quoteIdent(table.name)],
          )
        ).rows.map((row) => row.name),
      );
      const missing = table.columns.filter((column) => !present.has(column.name));
      if (missing.length)
        throw new AppError(
          "conflict",
          `The restored schema has no column ${missing.map((c) => `${table.name}.${c.name}`).join(", ")}, which the backup holds.`,
        );
      const columns = table.columns.map((column) => quoteIdent(column.name)).join(", ");
      const insert = `INSERT INTO ${quoteIdent(table.name)} (${columns})
        SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`;
      await client.query("BEGIN");
      let batch: string[] = [];
      let chars = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await client.query(insert, [`[${batch.join(",")}]`]);
        rows += batch.length;
        batch = [];
        chars = 0;
      };
      const lines = createInterface({
        input: createReadStream(path.join(stagingDir, table.file)),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        chars += line.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      }
      await flush();
      await client.query("COMMIT");
      const count = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`))
          .rows[0]!.n,
      );
      if (count !== table.rows)
        throw new Error(`${table.name}: loaded ${count} rows, the backup holds ${table.rows}.`);
    }
    for (const index of deferred) await client.query(index.definition);
    for (const sequence of dump.sequences)
      if (sequence.lastValue !== null)
        await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [
          quoteIdent(sequence.name),
          sequence.lastValue,
        ]);
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const { applied } = await migrate(databaseUrl);
  return { rows, laterMigrations: applied };
}

/**
 * Applies exactly the given migrations, from this Selah's prisma/migrations. A backup made by
 * a newer Selah (a migration this one lacks) or under a migration that has since been edited
 * is refused: its rows would not fit.
 */
async function migrateTo(
  databaseUrl: string,
  migrations: DatabaseDump["migrations"],
): Promise<void> {
  const known = new Set(
    (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
  const unknown = migrations.filter((migration) => !known.has(migration.name));
  if (unknown.length)
    throw new AppError(
      "conflict",
      `The backup was made by a newer Selah: this one lacks the migration(s) ${unknown.map((m) => m.name).join(", ")}. Restore it with that version or a later one.`,
    );
  const dir = await mkdtemp(path.join(tmpdir(), "selah-restore-migrations-"));
  try {
    for (const { name } of migrations) {
      await mkdir(path.join(dir, name));
      await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    }
    await migrate(databaseUrl, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          `SELECT migration_name AS name, checksum FROM "_prisma_migrations"`,
        )
      ).rows.map((row) => [row.name, row.checksum]),
    );
    const edited = migrations.filter((m) => applied.get(m.name) !== m.checksum);
    if (edited.length)
      throw new AppError(
        "conflict",
        `The migration(s) ${edited.map((m) => m.name).join(", ")} differ from the ones the backup was made under; restore it with the Selah version that made it.`,
      );
  } finally {
    await client.end();
  }
}
