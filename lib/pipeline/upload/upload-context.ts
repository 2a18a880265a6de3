import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/lib/platform/db/client";

export type UploadContext = {
  db: Db;
  s3: S3Client;
  bucket: string;
  maxBytes: number;
  /** Turns a presigned storage URL into the one the browser should use. */
  toBrowserUrl: (presignedUrl: string) => string;
};
