// GET /media/:sermonId/v:version/:file — a published sermon's HLS playlists, segments, download and waveform.
import { getDb } from "@/lib/db/client";
import { serveSermonMedia } from "@/lib/playback/serve-sermon-media";
import { mediaStorage } from "@/lib/storage/media-storage";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string; path: string[] }> },
): Promise<Response> {
  const { sermonId, path } = await params;
  return serveSermonMedia(request, sermonId, path, { db: getDb(), storage: mediaStorage() });
}
