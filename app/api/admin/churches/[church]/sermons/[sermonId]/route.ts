// GET /api/admin/churches/:church/sermons/:sermonId — the sermon's processing status, for polling.
import { getDb } from "@/lib/db/client";
import { churchRoute, jsonError } from "@/app/api/admin/_lib/church-route";

export const GET = churchRoute<{ church: string; sermonId: string }>({ atLeast: "editor" }, async ({ params, access }) => {
  const sermon = await getDb().sermon.findFirst({
    where: { id: params.sermonId, churchId: access.church.id },
    select: { id: true, status: true, mediaVersion: true, durationMs: true, failedStage: true, failureReason: true, updatedAt: true },
  });
  return sermon ?? jsonError(404, "not_found", "No such sermon in this church.");
});
