import { once } from "node:events";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import pg from "pg";
import { type DatabaseDump, type DumpedTable, entryNames } from "./backup-manifest";

const FETCH_ROWS = 2000;
const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * A logical dump of the public schema: every table's rows as JSON, read in one REPEATABLE READ
 * transaction, so all tables come from one snapshot. A restore rebuilds the schema from
 * prisma/migrations (the applied ones are recorded) and loads the rows back
 * (load-database.ts), which keeps the copy independent of PGlite's on-disk format.
 *
 * The embedded database serves one transaction at a time, so its other clients wait while
 * this one reads; `heldMs` says how long that was.
 */
export async function dumpDatabase(databaseUrl: string, stagingDir: string): Promise<DatabaseDump> {
  await mkdir(path.join(stagingDir, "database"), { recursive: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  // Keep every value as Postgres prints it: nothing here needs JS types.
  const asText = { getTypeParser: () => (value: string) => value };
  await client.connect();
  const started = performance.now();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const serverVersion = (
      await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    ).rows[0]!.v;
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "${MIGRATIONS_TABLE}"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tableNames = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND c.relname <> $1 ORDER BY c.relname`,
        [MIGRATIONS_TABLE],
      )
    ).rows.map((row) => row.name);
    const references = (
      await client.query<{ child: string; parent: string }>(
        `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint f
         JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_class pa ON pa.oid = f.confrelid
         WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace`,
      )
    ).rows;
    const sequences = (
      await client.query<{ name: string; lastValue: string | null }>(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
         WHERE schemaname = 'public' ORDER BY sequencename`,
      )
    ).rows;

    const tables: DumpedTable[] = [];
    for (const name of loadOrder(tableNames, references)) {
      const columns = (
        await client.query<{ name: string; type: string }>(
          `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
           WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
           ORDER BY attnum`,
          [quoteIdent(name)],
        )
      ).rows;
      const file = entryNames.table(name);
      const output = createWriteStream(path.join(stagingDir, file));
      const hash = createHash("sha256");
      let bytes = 0;
      let rows = 0;
      const write = (text: string) => {
        const chunk = Buffer.from(text);
        hash.update(chunk);
        bytes += chunk.length;
        return output.write(chunk);
      };
      const select = columns.map((column) => quoteIdent(column.name)).join(", ");
      await client.query(
        `DECLARE dump NO SCROLL CURSOR FOR
         SELECT row_to_json(t)::text AS r FROM (SELECT ${select} FROM ${quoteIdent(name)}) t`,
      );
      for (;;) {
        const batch = await client.query<{ r: string }>({
          text: `FETCH ${FETCH_ROWS} FROM dump`,
          types: asText,
        });
        if (batch.rows.length === 0) break;
        const isDrained = write(batch.rows.map((row) => `${row.r}\n`).join(""));
        rows += batch.rows.length;
        if (!isDrained) await once(output, "drain");
      }
      await client.query("CLOSE dump");
      output.end();
      await finished(output);
      tables.push({ name, columns, rows, file, bytes, sha256: hash.digest("hex") });
    }
    const embedding = tables
      .find((table) => table.name === "Chunk")
      ?.columns.find((column) => column.name === "embedding")
      ?.type.match(/^vector\((\d+)\)$/)?.[1];
    await client.query("COMMIT");
    return {
      serverVersion,
      migrations,
      tables,
      sequences,
      embeddingDimensions: embedding === undefined ? null : Number(embedding),
      heldMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables ordered so that each comes after every table its foreign keys reference. */
export function loadOrder(
  tables: readonly string[],
  references: ReadonlyArray<{ child: string; parent: string }>,
): string[] {
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: string, trail: string[]) => {
    if (state.get(table) === "done") return;
    if (state.get(table) === "visiting")
      throw new Error(
        `Foreign keys form a cycle (${[...trail, table].join(" → ")}); the dump cannot order its tables.`,
      );
    state.set(table, "visiting");
    for (const { child, parent } of references)
      if (child === table && parent !== table && tables.includes(parent))
        visit(parent, [...trail, table]);
    state.set(table, "done");
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}
