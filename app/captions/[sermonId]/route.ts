// GET /captions/:sermonId — WebVTT captions of a published sermon's current transcript (the player's <track>
// and the podcast feeds' podcast:transcript), readable from any site.
import { serveCaptions } from "@/lib/catalog/playback/serve-captions";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string }> },
): Promise<Response> {
  const { sermonId } = await params;
  return serveCaptions(request, sermonId);
}
