import { ListObjectsV2Command, type S3Client, UploadPartCommand } from "@aws-sdk/client-s3";
import type { Db } from "@/lib/platform/db/client";

let fingerprintSql: string | undefined;

/**
 * Everything an admin request could change: a fingerprint of every row of every table (all
 * churches, not only the one attacked; tables added later included) and the media bucket's
 * objects. A refused request must leave this as it was. (The emulator lists no multipart
 * uploads; `isOpenInStorage` checks one of them instead.)
 * Per table, so a failure names the table that changed; one query, so it is cheap enough to
 * take around every refused request.
 */
export async function appState(db: Db, s3: S3Client, bucket: string) {
  if (!fingerprintSql) {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`;
    if (tables.length === 0) throw new Error("No tables to fingerprint");
    const column = (name: string) => `"${name.replaceAll('"', '""')}"`;
    fingerprintSql = `SELECT ${tables
      .map(
        ({ name }) =>
          `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ${column(name)} t) AS ${column(name)}`,
      )
      .join(", ")}`;
  }
  const [tables] = await db.$queryRawUnsafe<Record<string, string>[]>(fingerprintSql);
  const objects = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return {
    tables,
    objects: (objects.Contents ?? [])
      .map((object) => `${object.Key} ${object.Size} ${object.ETag}`)
      .sort(),
  };
}

/** Whether storage still takes parts for this multipart upload (sends one: use it last). */
export async function isOpenInStorage(
  s3: S3Client,
  bucket: string,
  upload: { key: string; s3UploadId: string },
): Promise<boolean> {
  const sent = s3.send(
    new UploadPartCommand({
      Bucket: bucket,
      Key: upload.key,
      UploadId: upload.s3UploadId,
      PartNumber: 10_000,
      Body: new Uint8Array(16),
    }),
  );
  return sent.then(
    () => true,
    () => false,
  );
}
