// GET and HEAD /media/:sermonId/v:version/:file — a published sermon's HLS playlists, segments,
// download (the podcast feeds' enclosure) and waveform.
// Under `npm start` the web process answers these before Next.js (scripts/launcher/web-app.ts).
import { handleMediaRequest } from "@/lib/catalog/playback/media-route";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string; path: string[] }> },
): Promise<Response> {
  const { sermonId, path } = await params;
  return handleMediaRequest(request, sermonId, path);
}

/** Answered by storage's HEAD: podcast apps check an enclosure's size before downloading it. */
export const HEAD = GET;
