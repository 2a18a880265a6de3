import { z } from "zod";

/**
 * What a Selah backup archive (a gzipped tar) holds, entry by entry:
 *
 *   engine/engine.sqlite        the engine's SQLite store (VACUUM INTO: one consistent copy)
 *   database/<Table>.ndjson     one JSON object a row (row_to_json), generated columns left out
 *   secrets/<name>              the files the launcher made in the data dir
 *   objects/<000001…>           each stored object's bytes; objects.ndjson names its bucket and key
 *   objects.ndjson              one ObjectEntry a line
 *   manifest.json               this file's Manifest, last: counts and a SHA-256 for every entry
 *
 * Object bytes are stored under numbers, never under their keys, so no key can name a path
 * outside the folder a restore writes into.
 */
export const BACKUP_FORMAT = "selah-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** The secrets the launcher keeps in the data dir (start-selah.ts, embedded-inngest-env.ts). */
export const SECRET_FILES = ["auth-secret", "inngest-signing-key", "inngest-event-key"] as const;

export const entryNames = {
  manifest: "manifest.json",
  objectIndex: "objects.ndjson",
  engine: "engine/engine.sqlite",
  table: (table: string) => `database/${table}.ndjson`,
  secret: (name: string) => `secrets/${name}`,
  object: (index: number) => `objects/${String(index).padStart(6, "0")}`,
};

/** The only entry names a restore accepts; anything else makes it refuse the archive. */
export const ENTRY_NAME =
  /^(manifest\.json|objects\.ndjson|engine\/engine\.sqlite|database\/[A-Za-z_][A-Za-z0-9_]*\.ndjson|secrets\/[a-z][a-z-]*|objects\/\d{6,})$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({ file: z.string().regex(ENTRY_NAME), bytes: z.number().int(), sha256 });

export const tableSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  /** The columns dumped (generated ones are left out), with their SQL types. */
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.number().int().min(0),
  ...fileEntry.shape,
});
export type DumpedTable = z.infer<typeof tableSchema>;

export const databaseSchema = z.object({
  serverVersion: z.string(),
  /** Applied migrations, oldest first; a restore applies exactly these before loading rows. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  /** Tables in load order: every table after those its foreign keys point to. */
  tables: z.array(tableSchema),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  /** The size of "Chunk"."embedding" (vector(n)), set before rows are loaded. */
  embeddingDimensions: z.number().int().positive().nullable(),
  /** How long the snapshot held the database (other clients wait meanwhile). */
  heldMs: z.number(),
});
export type DatabaseDump = z.infer<typeof databaseSchema>;

export const objectEntrySchema = z.object({
  file: z.string().regex(/^objects\/\d{6,}$/),
  bucket: z.string().min(1),
  key: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256,
  contentType: z.string().optional(),
  cacheControl: z.string().optional(),
  contentDisposition: z.string().optional(),
  contentEncoding: z.string().optional(),
  contentLanguage: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type ObjectEntry = z.infer<typeof objectEntrySchema>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  selahVersion: z.string(),
  /** True when Selah was running and served the copy; false when the backup opened the data itself. */
  whileRunning: z.boolean(),
  engine: fileEntry.nullable(),
  database: databaseSchema,
  objects: z.object({
    buckets: z.array(z.string()),
    count: z.number().int().min(0),
    bytes: z.number().int().min(0),
    index: fileEntry,
    /** Rows of "MediaAsset" whose object was gone by the time objects were copied. */
    missingAssets: z.array(z.string()),
  }),
  secrets: z.array(fileEntry.extend({ name: z.enum(SECRET_FILES) })),
});
export type Manifest = z.infer<typeof manifestSchema>;
