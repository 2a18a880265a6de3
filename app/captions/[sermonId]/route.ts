// GET /captions/:sermonId — WebVTT captions of a published sermon's current transcript (the player's <track>).
import { serveCaptions } from "@/lib/catalog/playback/serve-captions";
import { getDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ sermonId: string }> }): Promise<Response> {
  const { sermonId } = await params;
  return serveCaptions(request, sermonId, { db: getDb(), storage: mediaStorage() });
}
