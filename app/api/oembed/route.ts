// GET /api/oembed?url=<a sermon's link>&maxwidth=&maxheight=&format=json — the embedded player
// for oEmbed consumers (https://oembed.com); discovered from each sermon page's <link>.
import { answerOembed, OEMBED_CACHE_SECONDS } from "@/lib/catalog/sharing/answer-oembed";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

// Public facts about published sermons: any page may ask, from the browser too.
const CORS = { "access-control-allow-origin": "*" };

export const GET = withErrorResponse(
  async (request: Request) => {
    const query = new URL(request.url).searchParams;
    const answer = await answerOembed(query, publicOrigin(request.headers, request.url));
    return Response.json(answer, {
      headers: { ...CORS, "cache-control": `public, max-age=${OEMBED_CACHE_SECONDS}` },
    });
  },
  { headers: CORS },
);
