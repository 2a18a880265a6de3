import { isPubliclyVisible } from "@/lib/catalog/sermons/sermon-visibility";
import { toPodcastTranscriptJson } from "@/lib/catalog/transcripts/podcast-transcript-json";
import { type Db, getDb } from "@/lib/platform/db/client";
import { TRANSCRIPT_CORS_HEADERS, transcriptNotFound } from "./serve-captions";
import { contentEtag, matchesEtag } from "@/lib/platform/http/content-etag";

/**
 * A published sermon's current transcript in the Podcasting 2.0 JSON format, for podcast apps
 * (the feeds' podcast:transcript) and web players on other sites. Read from the stored segments,
 * so an admin's corrections show; like the captions, a short cache lifetime lets them show within
 * a minute, and the ETag (of the body) answers a repeat with 304. Without `deps`, this process's
 * database (the route).
 */
export async function serveTranscriptJson(
  request: Request,
  sermonId: string,
  deps: { db: Db; now?: Date } = { db: getDb() },
): Promise<Response> {
  const sermon = await deps.db.sermon.findUnique({
    where: { id: sermonId },
    select: {
      publishState: true,
      publishAt: true,
      transcripts: {
        where: { isCurrent: true },
        take: 1,
        select: {
          segments: {
            orderBy: { position: "asc" },
            select: { startMs: true, endMs: true, speaker: true, text: true },
          },
        },
      },
    },
  });
  const transcript = sermon?.transcripts[0];
  if (!sermon || !transcript || !isPubliclyVisible(sermon, deps.now ?? new Date()))
    return transcriptNotFound();
  const body = JSON.stringify(toPodcastTranscriptJson(transcript.segments));
  const etag = contentEtag(body);
  const headers = new Headers({
    "content-type": "application/json",
    "cache-control": "public, max-age=60",
    etag,
    ...TRANSCRIPT_CORS_HEADERS,
  });
  if (matchesEtag(request.headers, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
