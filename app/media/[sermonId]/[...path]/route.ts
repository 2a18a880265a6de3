// GET and HEAD /media/:sermonId/v:version/:file — a published sermon's HLS playlists, segments,
// download (the podcast feeds' enclosure) and waveform.
import { serveSermonMedia } from "@/lib/catalog/playback/serve-sermon-media";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string; path: string[] }> },
): Promise<Response> {
  const { sermonId, path } = await params;
  return serveSermonMedia(request, sermonId, path);
}

/** Answered by storage's HEAD: podcast apps check an enclosure's size before downloading it. */
export const HEAD = GET;
