import { serverEnv } from "@/lib/platform/config/server-env";
import { getDb } from "@/lib/platform/db/client";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import type { UploadContext } from "./upload-context";

/** The upload routes' context: this process's database and bucket, the size limit, browser URLs. */
export function serverUploadContext(): UploadContext {
  const env = serverEnv();
  return {
    db: getDb(),
    s3: createS3Client(env),
    bucket: env.S3_BUCKET,
    maxBytes: env.UPLOAD_MAX_BYTES,
    // Same-origin path to the storage proxy (app/s3), keeping path and signed query intact.
    toBrowserUrl: (url) => {
      if (!env.S3_BROWSER_PROXY) return url;
      const parsed = new URL(url);
      return `/s3${parsed.pathname}${parsed.search}`;
    },
  };
}
