import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/** Streams an object to a file on disk (sermons are too large to hold in memory); returns its size. */
export async function downloadObject(
  s3: S3Client,
  bucket: string,
  key: string,
  path: string,
): Promise<number> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!(Body instanceof Readable)) throw new TypeError(`S3 returned no readable body for ${key}`);
  const file = createWriteStream(path);
  await pipeline(Body, file);
  return file.bytesWritten;
}
