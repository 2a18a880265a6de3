import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/**
 * Streams a file from disk to `key`, replacing whatever was there: callers use deterministic
 * keys, so uploading again (a retried step) overwrites instead of duplicating. Returns its size.
 */
export async function uploadFile(
  s3: S3Client,
  bucket: string,
  key: string,
  path: string,
  contentType: string,
): Promise<number> {
  const { size } = await stat(path);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(path),
      ContentLength: size,
      ContentType: contentType,
    }),
  );
  return size;
}
