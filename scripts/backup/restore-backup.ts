import { createReadStream, existsSync } from "node:fs";
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
} from "node:fs/promises";
import path from "node:path";
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { extract } from "tar";
import { AppError } from "@/lib/platform/errors/app-error";
import { startEmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  ENTRY_NAME,
  entryNames,
  type Manifest,
  manifestSchema,
  type ObjectEntry,
  objectEntrySchema,
} from "./backup-manifest";
import { digestFile, formatBytes } from "./create-backup";
import { loadDatabase } from "./load-database";

export class InvalidBackupError extends AppError {
  override name = "InvalidBackupError";
  constructor(file: string, reason: string) {
    super("invalid_request", `${file} is not a usable Selah backup: ${reason}`);
  }
}

export type RestoreOptions = { log?: (line: string) => void };

/**
 * Fills an empty data dir from a backup (create-backup.ts) so that Selah started on it serves
 * what was backed up. Selah must not run on `dataDir`: the dir must be missing or empty.
 *
 * Everything is built in a sibling folder and renamed into place at the end, so a restore that
 * fails leaves `dataDir` as it was. Every entry is checked against the manifest's SHA-256
 * before anything is restored; the database is rebuilt by the migrations and loaded
 * (load-database.ts), the objects are put through the S3 API of a fresh emulator, and the
 * engine's store and the secrets are copied.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  options: RestoreOptions = {},
): Promise<Manifest> {
  const log = options.log ?? (() => undefined);
  const archive = path.resolve(file);
  const target = path.resolve(dataDir);
  if (!existsSync(archive)) throw AppError.notFound(`There is no backup at ${archive}.`);
  if (existsSync(target) && (await readdir(target)).length > 0)
    throw AppError.conflict(
      `${target} is not empty. A restore fills an empty data dir: set SELAH_DATA_DIR to a new or empty directory (and stop any Selah running on it).`,
    );
  await mkdir(path.dirname(target), { recursive: true });
  const staging = await mkdtemp(
    path.join(path.dirname(target), `.${path.basename(target)}.restoring-`),
  );
  try {
    const unpacked = path.join(staging, "archive");
    const built = path.join(staging, "data");
    await mkdir(built);
    const { manifest, objects } = await unpack(archive, unpacked);
    log(
      `Backup of ${manifest.createdAt} (Selah ${manifest.selahVersion}): ${manifest.database.tables.length} tables, ${manifest.objects.count} objects, checksums verified`,
    );

    for (const secret of manifest.secrets) {
      const to = path.join(built, secret.name);
      await copyFile(path.join(unpacked, secret.file), to);
      await chmod(to, 0o600);
    }
    if (manifest.engine) {
      await mkdir(path.join(built, "engine"));
      await copyFile(
        path.join(unpacked, manifest.engine.file),
        path.join(built, "engine", "engine.sqlite"),
      );
    }

    const database = await startEmbeddedDatabase({
      dataDir: path.join(built, "pglite"),
      port: 0,
    });
    try {
      const { rows, laterMigrations } = await loadDatabase(
        database.url,
        manifest.database,
        unpacked,
      );
      log(
        `Database: ${rows} rows loaded${laterMigrations.length ? `; then applied ${laterMigrations.join(", ")}` : ""}`,
      );
    } finally {
      await database.stop();
    }

    const aws = await startEmbeddedAws({ dataDir: path.join(built, "fauxqs"), port: 0 });
    try {
      process.env.AWS_ACCESS_KEY_ID ??= "test";
      process.env.AWS_SECRET_ACCESS_KEY ??= "test";
      const s3 = createS3Client({ AWS_REGION: "us-east-1", S3_ENDPOINT: aws.endpoint });
      try {
        await putObjects(s3, manifest.objects.buckets, objects, unpacked);
      } finally {
        s3.destroy();
      }
      log(`Stored objects: ${objects.length} (${formatBytes(manifest.objects.bytes)})`);
    } finally {
      await aws.stop();
    }

    if (existsSync(target)) await rmdir(target); // empty, as checked above
    await rename(built, target);
    log(`Restored into ${target}`);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Reads the archive into `dir`, accepting only the entry names a backup has (never a path of
 * the archive's choosing), then checks every file against the manifest.
 */
async function unpack(
  archive: string,
  dir: string,
): Promise<{ manifest: Manifest; objects: ObjectEntry[] }> {
  const invalid = (reason: string) => new InvalidBackupError(archive, reason);
  const names = new Set<string>();
  let unexpected: string | undefined;
  await mkdir(dir, { recursive: true });
  try {
    await extract({
      file: archive,
      cwd: dir,
      strict: true,
      noChmod: true,
      filter: (name, entry) => {
        const type = "type" in entry ? entry.type : "File";
        if (type === "Directory") return false;
        if (type !== "File" || !ENTRY_NAME.test(name) || names.has(name)) {
          unexpected ??= `${type} ${name}${names.has(name) ? " (twice)" : ""}`;
          return false;
        }
        names.add(name);
        return true;
      },
    });
  } catch (error) {
    throw invalid(`it cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (unexpected) throw invalid(`it holds an unexpected entry (${unexpected}).`);

  if (!names.has(entryNames.manifest)) throw invalid("it has no manifest.json.");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, entryNames.manifest), "utf8"));
  } catch {
    throw invalid("its manifest.json is not JSON.");
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) throw invalid("its manifest is not a Selah backup's.");
  if (typeof head.version === "number" && head.version > BACKUP_FORMAT_VERSION)
    throw invalid(
      `it is format version ${head.version}, newer than this Selah reads (${BACKUP_FORMAT_VERSION}).`,
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`its manifest does not fit (${issue?.path.join(".")}: ${issue?.message}).`);
  }
  const manifest = parsed.data;

  const check = async (expected: { file: string; bytes: number; sha256: string }) => {
    if (!names.has(expected.file)) throw invalid(`${expected.file} is missing.`);
    const actual = await digestFile(path.join(dir, expected.file));
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256)
      throw invalid(`${expected.file} does not match its checksum (the file is damaged).`);
  };
  for (const table of manifest.database.tables) await check(table);
  for (const secret of manifest.secrets) await check(secret);
  if (manifest.engine) await check(manifest.engine);
  await check(manifest.objects.index);

  const objects: ObjectEntry[] = [];
  const lines = (await readFile(path.join(dir, entryNames.objectIndex), "utf8"))
    .split("\n")
    .filter(Boolean);
  for (const line of lines) {
    const object = objectEntrySchema.safeParse(JSON.parse(line));
    if (!object.success) throw invalid("its objects.ndjson does not fit.");
    await check(object.data);
    objects.push(object.data);
  }
  if (objects.length !== manifest.objects.count)
    throw invalid(`it lists ${objects.length} objects, its manifest ${manifest.objects.count}.`);
  return { manifest, objects };
}

const PUT_CONCURRENCY = 4;

async function putObjects(
  s3: S3Client,
  buckets: readonly string[],
  objects: readonly ObjectEntry[],
  dir: string,
): Promise<void> {
  for (const bucket of buckets) await ensureBucket(s3, bucket);
  let next = 0;
  const putNext = async (): Promise<void> => {
    for (;;) {
      const object = objects[next++];
      if (!object) return;
      await s3.send(
        new PutObjectCommand({
          Bucket: object.bucket,
          Key: object.key,
          Body: createReadStream(path.join(dir, object.file)),
          ContentLength: object.bytes,
          ContentType: object.contentType,
          CacheControl: object.cacheControl,
          ContentDisposition: object.contentDisposition,
          ContentEncoding: object.contentEncoding,
          ContentLanguage: object.contentLanguage,
          Metadata: object.metadata,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: PUT_CONCURRENCY }, putNext));
  for (const bucket of buckets) {
    let count = 0;
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
      count += page.KeyCount ?? page.Contents?.length ?? 0;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    const expected = objects.filter((object) => object.bucket === bucket).length;
    if (count !== expected)
      throw new Error(
        `Bucket ${bucket} holds ${count} objects after the restore, not ${expected}.`,
      );
  }
}
