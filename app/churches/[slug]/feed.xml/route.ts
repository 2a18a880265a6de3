// GET /churches/:church/feed.xml — the church's podcast feed (RSS 2.0, iTunes, Podcasting 2.0).
import { servePodcastFeed } from "@/lib/catalog/feeds/serve-podcast-feed";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
    servePodcastFeed(request, { kind: "church", church: (await params).slug }),
);
