// GET /api/admin/churches/:church/sermons/:sermonId — the sermon's processing status, for polling.
import { churchRoute, jsonError } from "@/app/api/admin/_lib/church-route";
import { sermonProgressView } from "@/lib/pipeline/progress/sermon-progress-view";

export const GET = churchRoute<{ church: string; sermonId: string }>({ atLeast: "editor" }, async ({ params, access }) => {
  const sermon = await sermonProgressView(access.church.id, params.sermonId);
  return sermon ?? jsonError(404, "not_found", "No such sermon in this church.");
});
