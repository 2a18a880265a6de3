// GET /churches/:church/series/:series/feed.xml — a series' podcast feed.
import { servePodcastFeed } from "@/lib/catalog/feeds/serve-podcast-feed";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  async (
    request: Request,
    { params }: { params: Promise<{ slug: string; seriesSlug: string }> },
  ) => {
    const { slug, seriesSlug } = await params;
    return servePodcastFeed(request, { kind: "series", church: slug, slug: seriesSlug });
  },
);
