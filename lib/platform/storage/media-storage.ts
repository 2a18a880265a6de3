import type { S3Client } from "@aws-sdk/client-s3";
import { awsEnvSchema } from "@/lib/platform/config/aws-env";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { createS3Client } from "./s3-client";

export interface MediaStorage {
  s3: S3Client;
  bucket: string;
}

const storageEnvSchema = awsEnvSchema.pick({
  AWS_REGION: true,
  S3_ENDPOINT: true,
  S3_BUCKET: true,
  S3_FORCE_PATH_STYLE: true,
});

const globalForStorage = globalThis as unknown as { selahMediaStorage?: MediaStorage };

/** The media bucket and one S3 client per process, from the S3 variables alone. */
export function mediaStorage(env: Env = process.env): MediaStorage {
  if (!globalForStorage.selahMediaStorage) {
    const parsed = parseEnv(storageEnvSchema, env);
    globalForStorage.selahMediaStorage = { s3: createS3Client(parsed), bucket: parsed.S3_BUCKET };
  }
  return globalForStorage.selahMediaStorage;
}
