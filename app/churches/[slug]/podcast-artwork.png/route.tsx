// GET /churches/:church/podcast-artwork.png — the square artwork of the church's podcast feeds.
import { ImageResponse } from "next/og";
import { PodcastArtwork } from "@/components/listener/podcast-artwork";
import {
  FEED_ARTWORK_SIZE,
  feedArtworkVersion,
  findFeedArtworkChurch,
} from "@/lib/catalog/feeds/feed-artwork";
import { AppError } from "@/lib/platform/errors/app-error";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { matchesEtag } from "@/lib/platform/http/content-etag";

export const dynamic = "force-dynamic";

// Drawing takes a moment of a core: podcast apps and caches keep it a day, and its ETag (the
// name and the design) answers their checks with 304 until the church is renamed.
const CACHE_CONTROL = "public, max-age=86400";

export const GET = withErrorResponse(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const church = await findFeedArtworkChurch((await params).slug);
    if (!church) throw AppError.notFound("There is no church at this address.");
    const headers = {
      "cache-control": CACHE_CONTROL,
      etag: `"${feedArtworkVersion(church.name)}"`,
    };
    if (matchesEtag(request.headers, headers.etag))
      return new Response(null, { status: 304, headers });
    return new ImageResponse(<PodcastArtwork churchName={church.name} />, {
      ...FEED_ARTWORK_SIZE,
      headers,
    });
  },
);
