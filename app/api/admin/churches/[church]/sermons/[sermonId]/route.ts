// GET /api/admin/churches/:church/sermons/:sermonId — the sermon's processing status, for polling.
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { AppError } from "@/lib/platform/errors/app-error";
import { sermonProgressView } from "@/lib/pipeline/progress/sermon-progress-view";

export const GET = churchRoute<{ church: string; sermonId: string }>(
  { atLeast: "editor" },
  async ({ params, access }) => {
    const sermon = await sermonProgressView(access.church.id, params.sermonId);
    if (!sermon) throw AppError.notFound("No such sermon in this church.");
    return sermon;
  },
);
