import type { AwsEnv } from "@/lib/platform/config/aws-env";
import type { UploadEnv } from "@/lib/platform/config/upload-env";

/**
 * Where browsers send upload parts: the origin of the presigned URLs the S3 client makes
 * (virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com`, path-style for forced path
 * style and dotted bucket names, or S3_ENDPOINT's), or null when they go through the app's
 * own /s3 route (S3_BROWSER_PROXY). The Content-Security-Policy lets pages connect there.
 */
export function browserStorageOrigin(
  env: Pick<AwsEnv, "AWS_REGION" | "S3_ENDPOINT" | "S3_BUCKET" | "S3_FORCE_PATH_STYLE"> &
    Pick<UploadEnv, "S3_BROWSER_PROXY">,
): string | null {
  if (env.S3_BROWSER_PROXY) return null;
  const pathStyle = env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT);
  if (env.S3_ENDPOINT) {
    const endpoint = new URL(env.S3_ENDPOINT);
    return pathStyle ? endpoint.origin : `${endpoint.protocol}//${env.S3_BUCKET}.${endpoint.host}`;
  }
  const regional = `s3.${env.AWS_REGION}.amazonaws.com`;
  return pathStyle || env.S3_BUCKET.includes(".")
    ? `https://${regional}`
    : `https://${env.S3_BUCKET}.${regional}`;
}
