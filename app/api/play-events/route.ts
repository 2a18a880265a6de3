// POST /api/play-events — the player's batched listening reports (a beacon), for insights.
import { acceptPlayBeacon } from "@/lib/catalog/insights/accept-play-beacon";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(acceptPlayBeacon, {
  internalMessage: "Play reports could not be stored right now.",
});
