// POST /api/admin/churches/:church/sermons/:sermonId/uploads — start (or resume) a multipart upload.
import { startUpload, startUploadSchema } from "@/lib/pipeline/upload/start-upload";
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { serverUploadContext } from "@/lib/pipeline/upload/server-upload-context";

export const POST = churchRoute<{ church: string; sermonId: string }, typeof startUploadSchema>(
  { atLeast: "editor", body: startUploadSchema },
  ({ params, access, body, userId }) =>
    startUpload(
      serverUploadContext(),
      { churchId: access.church.id, sermonId: params.sermonId },
      body,
      userId,
    ),
);
