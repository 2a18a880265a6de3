// POST …/uploads/:uploadId/complete — assemble, verify (size, magic bytes) and start processing.
import { completeUpload, completeUploadSchema } from "@/lib/pipeline/upload/complete-upload";
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { uploadContext } from "@/app/api/admin/_lib/upload-context";

export const POST = churchRoute<{ church: string; sermonId: string; uploadId: string }, typeof completeUploadSchema>(
  { atLeast: "editor", body: completeUploadSchema },
  ({ params, access, body }) => completeUpload(uploadContext(), { churchId: access.church.id, sermonId: params.sermonId }, params.uploadId, body.parts),
);
