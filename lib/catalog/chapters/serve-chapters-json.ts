import { playableWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { type Db, getDb } from "@/lib/platform/db/client";
import { contentEtag, matchesEtag } from "@/lib/platform/http/content-etag";
import { listChapters } from "./chapter-queries";
import { CHAPTERS_CONTENT_TYPE, toPodcastChaptersJson } from "./podcast-chapters-json";

/** Chapters are public like transcripts: podcast apps and players on other sites fetch them. */
const CORS_HEADERS = { "access-control-allow-origin": "*" } as const;

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "cache-control": "no-store", "content-type": "text/plain", ...CORS_HEADERS },
  });

/**
 * A playable sermon's chapters in the Podcasting 2.0 JSON chapters format, for podcast apps
 * (the feeds' podcast:chapters) and players elsewhere. 404 for a sermon listeners cannot play,
 * or one without chapters. A short cache lifetime lets an admin's edits show within a minute;
 * the ETag (of the body) answers a repeat with 304. Without `deps`, this process's database.
 */
export async function serveChaptersJson(
  request: Request,
  sermonId: string,
  deps: { db: Db; now?: Date } = { db: getDb() },
): Promise<Response> {
  const sermon = await deps.db.sermon.findFirst({
    where: { id: sermonId, ...playableWhere(deps.now ?? new Date()) },
    select: { id: true, durationMs: true },
  });
  if (!sermon) return notFound();
  const chapters = await listChapters(deps.db, sermon.id, sermon.durationMs);
  if (chapters.length === 0) return notFound();
  const body = JSON.stringify(toPodcastChaptersJson(chapters));
  const etag = contentEtag(body);
  const headers = new Headers({
    "content-type": CHAPTERS_CONTENT_TYPE,
    "cache-control": "public, max-age=60",
    etag,
    ...CORS_HEADERS,
  });
  if (matchesEtag(request.headers, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
