// GET /api/sermons/:sermonId/next-in-series — the player's "up next" when the listener queued
// nothing: the playable sermon preached after this one in its series, or null.
import { findNextInSeries } from "@/lib/catalog/playback/playable-sermons";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  async (_request: Request, { params }: { params: Promise<{ sermonId: string }> }) => {
    const { sermonId } = await params;
    const sermon = await findNextInSeries(sermonId);
    return Response.json({ sermon }, { headers: { "cache-control": "no-store" } });
  },
);
