// GET /api/sermons/:sermonId/chapters.json — a playable sermon's chapters in the Podcasting 2.0
// JSON chapters format (the podcast feeds' podcast:chapters), readable from any site.
import { serveChaptersJson } from "@/lib/catalog/chapters/serve-chapters-json";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string }> },
): Promise<Response> {
  const { sermonId } = await params;
  return serveChaptersJson(request, sermonId);
}
