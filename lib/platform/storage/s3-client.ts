import { S3Client } from "@aws-sdk/client-s3";
import type { AwsEnv } from "@/lib/platform/config/aws-env";

/** Credentials come from the SDK's default chain (env, profile, instance role). */
export function createS3Client(
  env: Pick<AwsEnv, "AWS_REGION" | "S3_ENDPOINT" | "S3_FORCE_PATH_STYLE">,
): S3Client {
  return new S3Client({
    region: env.AWS_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    // Emulators and MinIO serve buckets by path, not by subdomain.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    // Otherwise the SDK puts the CRC32 of an empty body into presigned UploadPart URLs, and
    // S3 refuses the browser's part (whose bytes it never saw) as a checksum mismatch.
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
}
