// POST …/uploads/:uploadId/parts — presigned URLs for the parts the browser is about to send.
import { presignParts, presignPartsSchema } from "@/lib/pipeline/upload/presign-parts";
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { serverUploadContext } from "@/lib/pipeline/upload/server-upload-context";

export const POST = churchRoute<
  { church: string; sermonId: string; uploadId: string },
  typeof presignPartsSchema
>({ atLeast: "editor", body: presignPartsSchema }, ({ params, access, body }) =>
  presignParts(
    serverUploadContext(),
    { churchId: access.church.id, sermonId: params.sermonId },
    params.uploadId,
    body.partNumbers,
  ),
);
