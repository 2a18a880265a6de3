// POST /api/admin/churches/:church/sermons/:sermonId/retry — restart a failed sermon at the stage that failed.
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { getDb } from "@/lib/platform/db/client";
import { retryFailedSermon } from "@/lib/pipeline/recovery/retry-failed-sermon";
import { sermonProgressView } from "@/lib/pipeline/progress/sermon-progress-view";

export const POST = churchRoute<{ church: string; sermonId: string }>({ atLeast: "editor" }, async ({ params, access }) => {
  await retryFailedSermon(getDb(), access.church.id, params.sermonId);
  return (await sermonProgressView(getDb(), access.church.id, params.sermonId))!;
});
