import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { awsEnvSchema } from "@/lib/platform/config/aws-env";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { AppError } from "@/lib/platform/errors/app-error";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { readLauncherEnv } from "../launcher/launcher-env";

export class StorageUnreachableError extends AppError {
  override name = "StorageUnreachableError";
  constructor(message: string, cause: unknown) {
    super("unavailable", message, { cause });
  }
}

const storageEnvSchema = awsEnvSchema.pick({
  AWS_REGION: true,
  S3_ENDPOINT: true,
  S3_BUCKET: true,
  S3_FORCE_PATH_STYLE: true,
});

/**
 * Runs a CLI job against the media bucket: S3_BUCKET (and S3_ENDPOINT) when set, as the web
 * app uses them, or else the running embedded Selah's (fauxqs on FAUXQS_PORT, the bucket the
 * launcher makes). The bucket is checked first, so a job never starts against storage it
 * cannot reach.
 */
export async function withStorage<T>(job: (storage: MediaStorage) => Promise<T>): Promise<T> {
  const isEmbedded = !process.env.S3_ENDPOINT && !process.env.S3_BUCKET;
  const endpoint = isEmbedded
    ? `http://127.0.0.1:${readLauncherEnv().FAUXQS_PORT}`
    : process.env.S3_ENDPOINT;
  if (isEmbedded) {
    // The emulator accepts any credentials; the SDK still insists on having some.
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
  }
  const env = parseEnv(storageEnvSchema, { ...process.env, S3_ENDPOINT: endpoint });
  const s3 = createS3Client(env);
  try {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }));
    } catch (error) {
      throw new StorageUnreachableError(
        isEmbedded
          ? `The embedded storage at ${endpoint} is not reachable (is Selah running? npm start). Set S3_BUCKET (and S3_ENDPOINT) for real S3.`
          : `The bucket ${env.S3_BUCKET}${endpoint ? ` at ${endpoint}` : ""} is not reachable: ${error instanceof Error ? error.name : String(error)}. Check S3_BUCKET, S3_ENDPOINT and the AWS credentials.`,
        error,
      );
    }
    return await job({ s3, bucket: env.S3_BUCKET });
  } finally {
    s3.destroy();
  }
}
