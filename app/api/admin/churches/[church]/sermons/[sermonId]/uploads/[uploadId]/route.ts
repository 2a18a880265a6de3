// DELETE …/uploads/:uploadId — abort the upload and free its stored parts.
import { abortUpload } from "@/lib/pipeline/upload/abort-upload";
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { serverUploadContext } from "@/lib/pipeline/upload/server-upload-context";

export const DELETE = churchRoute<{ church: string; sermonId: string; uploadId: string }>(
  { atLeast: "editor" },
  async ({ params, access }) => {
    await abortUpload(
      serverUploadContext(),
      { churchId: access.church.id, sermonId: params.sermonId },
      params.uploadId,
    );
    return new Response(null, { status: 204 });
  },
);
