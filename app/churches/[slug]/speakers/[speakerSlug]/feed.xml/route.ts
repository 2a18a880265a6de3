// GET /churches/:church/speakers/:speaker/feed.xml — a speaker's podcast feed.
import { servePodcastFeed } from "@/lib/catalog/feeds/serve-podcast-feed";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  async (
    request: Request,
    { params }: { params: Promise<{ slug: string; speakerSlug: string }> },
  ) => {
    const { slug, speakerSlug } = await params;
    return servePodcastFeed(request, { kind: "speaker", church: slug, slug: speakerSlug });
  },
);
