import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

// Below this a file goes up in one PutObject; above, in parts. Single requests are capped
// by S3 (5 GB) and far lower by emulators (fauxqs answers 413 to a ~12 MB body).
const PART_BYTES = 8 * 1024 * 1024;

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
  await new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: createReadStream(path), ContentType: contentType },
    partSize: PART_BYTES,
    queueSize: 2,
  }).done();
  return size;
}
