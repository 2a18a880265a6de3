import { AppError } from "@/lib/platform/errors/app-error";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { buildFeedXml } from "./build-feed-xml";
import type { FeedScope } from "./feed-scope";
import { getPodcastFeed } from "./get-podcast-feed";
import { contentEtag, matchesEtag } from "@/lib/platform/http/content-etag";

const NOT_FOUND: Record<FeedScope["kind"], string> = {
  church: "There is no church at this address, so no podcast feed either.",
  series: "This church has no series at this address, so no podcast feed either.",
  speaker: "This church has no speaker at this address, so no podcast feed either.",
};

/**
 * A church's, series' or speaker's podcast feed (the feed routes under app/churches/), from the
 * listener cache: a sermon published or unpublished shows at once. Conditional GETs are
 * answered 304, by ETag (a hash of the exact bytes) or, for a client that sends no ETag, by
 * Last-Modified. Podcast apps and caches may keep it for 30 s, well inside the minute in which
 * a new sermon must reach them.
 */
export async function servePodcastFeed(request: Request, scope: FeedScope): Promise<Response> {
  const feed = await getPodcastFeed(scope);
  if (!feed) throw AppError.notFound(NOT_FOUND[scope.kind]);
  const xml = buildFeedXml(feed, publicOrigin(request.headers, request.url));
  const etag = contentEtag(xml);
  // HTTP dates have whole seconds: a change within the second of the last is still newer.
  const lastModified = new Date(Math.floor(feed.lastModified.getTime() / 1000) * 1000);
  const headers = new Headers({
    "content-type": "application/rss+xml; charset=utf-8",
    "cache-control": "public, max-age=30",
    etag,
    "last-modified": lastModified.toUTCString(),
  });
  if (isNotModified(request.headers, etag, lastModified))
    return new Response(null, { status: 304, headers });
  return new Response(xml, { status: 200, headers });
}

/** RFC 9110 §13.2.2: If-None-Match decides when sent; If-Modified-Since only without it. */
function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  if (headers.has("if-none-match")) return matchesEtag(headers, etag);
  const since = Date.parse(headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}
