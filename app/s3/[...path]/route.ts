// PUT /s3/:bucket/:key?partNumber&uploadId&X-Amz-… — same-origin pass-through for the browser's
// presigned upload parts, to storage that sends no CORS headers (the embedded emulator). On for
// S3_BROWSER_PROXY=true only. Forwards only UploadPart PUTs whose signature and expiry it has
// verified itself; every other request (any GET, unsigned or altered URLs) is a 403.
import { serverEnv } from "@/lib/platform/config/server-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { forwardPresignedUploadPart } from "@/lib/platform/storage/forward-presigned-upload-part";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

export const dynamic = "force-dynamic";

const passThrough = withErrorResponse(async (request: Request) => {
  const env = serverEnv();
  if (!env.S3_BROWSER_PROXY || !env.S3_ENDPOINT) throw AppError.notFound("Not found.");
  return forwardPresignedUploadPart(request, "/s3", {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    region: env.AWS_REGION,
    s3: mediaStorage().s3,
  });
});

export {
  passThrough as DELETE,
  passThrough as GET,
  passThrough as HEAD,
  passThrough as POST,
  passThrough as PUT,
};
