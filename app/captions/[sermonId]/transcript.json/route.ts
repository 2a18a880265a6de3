// GET /captions/:sermonId/transcript.json — a published sermon's current transcript in the
// Podcasting 2.0 JSON format (the podcast feeds' podcast:transcript), readable from any site.
import { serveTranscriptJson } from "@/lib/catalog/playback/serve-transcript-json";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string }> },
): Promise<Response> {
  const { sermonId } = await params;
  return serveTranscriptJson(request, sermonId);
}
