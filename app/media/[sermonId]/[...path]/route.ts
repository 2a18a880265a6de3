// GET /media/:sermonId/v:version/:file — a published sermon's HLS playlists, segments, download and waveform.
import { getDb } from "@/lib/platform/db/client";
import { serveSermonMedia } from "@/lib/catalog/playback/serve-sermon-media";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sermonId: string; path: string[] }> },
): Promise<Response> {
  const { sermonId, path } = await params;
  return serveSermonMedia(request, sermonId, path, { db: getDb(), storage: mediaStorage() });
}
