// POST /api/admin/churches/:church/sermons/:sermonId/retry — restart a failed sermon at the stage that failed.
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { retrySermonProcessing } from "@/lib/pipeline/recovery/retry-sermon-processing";

export const POST = churchRoute<{ church: string; sermonId: string }>(
  { atLeast: "editor" },
  ({ params, access }) => retrySermonProcessing(access.church.id, params.sermonId),
);
