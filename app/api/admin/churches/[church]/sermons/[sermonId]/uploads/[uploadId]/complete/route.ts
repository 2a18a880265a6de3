// POST …/uploads/:uploadId/complete — assemble, verify (size, magic bytes) and start processing.
import { completeUpload, completeUploadSchema } from "@/lib/pipeline/upload/complete-upload";
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { serverUploadContext } from "@/lib/pipeline/upload/server-upload-context";

export const POST = churchRoute<
  { church: string; sermonId: string; uploadId: string },
  typeof completeUploadSchema
>({ atLeast: "editor", body: completeUploadSchema }, ({ params, access, body }) =>
  completeUpload(
    serverUploadContext(),
    { churchId: access.church.id, sermonId: params.sermonId },
    params.uploadId,
    body.parts,
  ),
);
