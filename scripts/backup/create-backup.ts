import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type DatabaseDump,
  entryNames,
  type Manifest,
  type ObjectEntry,
  SECRET_FILES,
} from "./backup-manifest";
import { dumpDatabase } from "./dump-database";
import { snapshotEngine } from "./snapshot-engine";
import { TarGzWriter } from "./tar-gz-writer";

/** Where the data to back up is, as the launcher lays it out and serves it. */
export type BackupSources = {
  /** SELAH_DATA_DIR: the secrets and `engine/engine.sqlite` are read from here. */
  dataDir: string;
  databaseUrl: string;
  /** The S3 API of the emulator that serves `<dataDir>/fauxqs`. */
  s3: S3Client;
  whileRunning: boolean;
};

export type BackupOptions = { log?: (line: string) => void };

/**
 * Writes one archive of the embedded data (backup-manifest.ts describes it) while Selah keeps
 * serving. The copies are taken in the order that keeps them consistent with each other:
 *
 * 1. the engine's store (one SQLite snapshot), first: a step it remembers as done must find
 *    its effects in the database copy, which is taken later; a run that is behind the database
 *    only repeats steps, which are idempotent;
 * 2. the database (one REPEATABLE READ snapshot of every table);
 * 3. the stored objects, through the S3 API, after the database: every object the database
 *    names was stored before it was named, and objects are never changed once named, so they
 *    are all there (those stored since are unreferenced extras); an object deleted in between
 *    (a rejected upload's) is listed in `missingAssets`;
 * 4. the secrets (files that never change while Selah runs).
 *
 * The archive is written beside `file` and renamed into place when complete.
 */
export async function createBackup(
  sources: BackupSources,
  file: string,
  options: BackupOptions = {},
): Promise<Manifest> {
  const log = options.log ?? (() => undefined);
  const target = path.resolve(file);
  const staging = await mkdtemp(path.join(path.dirname(target), ".selah-backup-"));
  const partial = path.join(staging, "archive.tgz");
  try {
    const enginePath = path.join(staging, entryNames.engine);
    const hasEngine = await snapshotEngine(
      path.join(sources.dataDir, "engine", "engine.sqlite"),
      enginePath,
    );
    const engine = hasEngine
      ? { file: entryNames.engine, ...(await digestFile(enginePath)) }
      : null;
    if (engine) log(`Engine state: ${formatBytes(engine.bytes)}`);

    const database = await dumpDatabase(sources.databaseUrl, staging);
    const rowCount = database.tables.reduce((sum, table) => sum + table.rows, 0);
    log(
      `Database: ${database.tables.length} tables, ${rowCount} rows (a snapshot that held the database for ${database.heldMs} ms)`,
    );

    const secrets: Array<Manifest["secrets"][number] & { content: Buffer }> = [];
    for (const name of SECRET_FILES) {
      const source = path.join(sources.dataDir, name);
      if (!existsSync(source)) continue;
      const content = await readFile(source);
      secrets.push({ name, file: entryNames.secret(name), ...digestBuffer(content), content });
    }

    const archive = new TarGzWriter(partial);
    try {
      for (const table of database.tables)
        await addFile(archive, table.file, path.join(staging, table.file));
      if (engine) await addFile(archive, engine.file, enginePath);
      for (const secret of secrets)
        await archive.add(secret.file, secret.bytes, secret.content, { mode: 0o600 });

      const buckets = ((await sources.s3.send(new ListBucketsCommand({}))).Buckets ?? [])
        .map((bucket) => bucket.Name!)
        .sort();
      const objects: ObjectEntry[] = [];
      for (const bucket of buckets) {
        for await (const key of listKeys(sources.s3, bucket)) {
          const object = await getObject(sources.s3, bucket, key);
          if (!object) continue; // deleted since it was listed
          const file = entryNames.object(objects.length + 1);
          const hash = createHash("sha256");
          await archive.add(file, object.size, hashed(object.body, hash));
          objects.push({
            file,
            bucket,
            key,
            bytes: object.size,
            sha256: hash.digest("hex"),
            ...object.headers,
          });
        }
      }
      const objectBytes = objects.reduce((sum, object) => sum + object.bytes, 0);
      log(
        `Stored objects: ${objects.length} (${formatBytes(objectBytes)}) in ${buckets.length} bucket(s)`,
      );

      const index = Buffer.from(objects.map((object) => `${JSON.stringify(object)}\n`).join(""));
      await archive.add(entryNames.objectIndex, index.length, index);
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        selahVersion: await selahVersion(),
        whileRunning: sources.whileRunning,
        engine,
        database,
        objects: {
          buckets,
          count: objects.length,
          bytes: objectBytes,
          index: { file: entryNames.objectIndex, ...digestBuffer(index) },
          missingAssets: await missingAssets(staging, database, objects),
        },
        secrets: secrets.map(({ content: _content, ...secret }) => secret),
      };
      const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      await archive.add(entryNames.manifest, manifestJson.length, manifestJson);
      await archive.close();
      await rename(partial, target);
      log(`Wrote ${target} (${formatBytes((await stat(target)).size)})`);
      return manifest;
    } catch (error) {
      await archive.abort();
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function* listKeys(s3: S3Client, bucket: string): AsyncGenerator<string> {
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

async function getObject(s3: S3Client, bucket: string, key: string) {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const headers = {
      contentType: response.ContentType,
      cacheControl: response.CacheControl,
      contentDisposition: response.ContentDisposition,
      contentEncoding: response.ContentEncoding,
      contentLanguage: response.ContentLanguage,
      metadata:
        response.Metadata && Object.keys(response.Metadata).length ? response.Metadata : undefined,
    };
    return {
      size: response.ContentLength ?? 0,
      body: response.Body as AsyncIterable<Uint8Array>,
      headers: Object.fromEntries(
        Object.entries(headers).filter(([, value]) => value !== undefined),
      ) as Partial<ObjectEntry>,
    };
  } catch (error) {
    if (error instanceof Error && error.name === "NoSuchKey") return null;
    throw error;
  }
}

/** Passes a body through, hashing it on the way. */
async function* hashed(
  body: AsyncIterable<Uint8Array>,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

async function addFile(archive: TarGzWriter, name: string, source: string): Promise<void> {
  const { size, mtime } = await stat(source);
  await archive.add(name, size, createReadStream(source), { mtime });
}

export async function digestFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

function digestBuffer(buffer: Buffer): { bytes: number; sha256: string } {
  return { bytes: buffer.length, sha256: createHash("sha256").update(buffer).digest("hex") };
}

/** "MediaAsset" rows of the snapshot whose object was not found when objects were copied. */
async function missingAssets(
  staging: string,
  database: DatabaseDump,
  objects: readonly ObjectEntry[],
): Promise<string[]> {
  const table = database.tables.find((t) => t.name === "MediaAsset");
  if (!table) return [];
  const stored = new Set(objects.map((object) => object.key));
  const missing: string[] = [];
  const lines = createInterface({ input: createReadStream(path.join(staging, table.file)) });
  for await (const line of lines) {
    if (!line) continue;
    const { key } = JSON.parse(line) as { key: string };
    if (!stored.has(key)) missing.push(key);
  }
  return missing;
}

async function selahVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(process.cwd(), "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
