import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import type { Db } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { startChurchDatabase } from "./church-database";
import { testAwsEnv, type TestServices } from "./embedded-services";

export interface UploadServices {
  services: TestServices;
  db: Db;
  /** The upload routes' context: bucket "media", 64 MiB limit, presigned URLs as they are. */
  ctx: UploadContext;
  churchId: string;
  stop: () => Promise<void>;
}

/** The embedded database and storage, a bucket and one church: what the upload flow needs. */
export async function startUploadServices(churchSlug: string): Promise<UploadServices> {
  const { services, db, churchId, stop } = await startChurchDatabase(churchSlug);
  const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
  await ensureBucket(s3, "media");
  const ctx: UploadContext = {
    db,
    s3,
    bucket: "media",
    maxBytes: 64 * 1024 * 1024,
    toBrowserUrl: (url) => url,
  };
  return { services, db, ctx, churchId, stop };
}
