import pg from "pg";

/**
 * The moments' vector index, as the latest migration creates it (10 links a node from 32
 * candidates: a third to a half of the build time of pgvector's 16 and 64; figures there).
 */
export const MOMENT_VECTOR_INDEX_SQL = `CREATE INDEX "Chunk_embedding_hnsw_idx" ON "Chunk" USING hnsw (embedding vector_cosine_ops) WITH (m = 10, ef_construction = 32)`;

export type VectorColumnChange = { from: number | null; to: number };

/**
 * Sizes "Chunk"."embedding" to the configured dimension. Migrations create vector(384); a
 * different embedding model needs another size, and existing vectors of the old size are
 * meaningless for it, so they are cleared (re-index afterwards) and the HNSW index rebuilt.
 */
export async function ensureVectorColumn(
  databaseUrl: string,
  dimensions: number,
): Promise<VectorColumnChange | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = '"Chunk"'::regclass AND attname = 'embedding'`,
    );
    const current = rows[0]?.type.match(/^vector\((\d+)\)$/)?.[1];
    const from = current === undefined ? null : Number(current);
    if (from === dimensions) return null;
    await client.query("BEGIN");
    await client.query(`DROP INDEX IF EXISTS "Chunk_embedding_hnsw_idx"`);
    await client.query(`UPDATE "Chunk" SET embedding = NULL`);
    await client.query(`ALTER TABLE "Chunk" ALTER COLUMN embedding TYPE vector(${dimensions})`);
    await client.query(MOMENT_VECTOR_INDEX_SQL);
    await client.query("COMMIT");
    return { from, to: dimensions };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
