// GET /preview/sermons/:id?t=… — a sermon's (or a moment's) link preview image, 1200×630 PNG.
import { ImageResponse } from "next/og";
import { SermonPreviewCard } from "@/components/sharing/sermon-preview-card";
import { parseStartTime } from "@/lib/catalog/playback/start-time";
import { getSharedSermon } from "@/lib/catalog/sharing/get-shared-sermon";
import { PREVIEW_IMAGE_SIZE } from "@/lib/catalog/sharing/sermon-share-metadata";
import { sharePreview } from "@/lib/catalog/sharing/share-preview";
import { AppError } from "@/lib/platform/errors/app-error";
import { contentEtag, matchesEtag } from "@/lib/platform/http/content-etag";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

export const dynamic = "force-dynamic";

/** Bump when the card's design changes, so cached images are not reused. */
const CARD_DESIGN = 1;

// Drawing takes a few hundred milliseconds: caches keep an image an hour and may serve it a
// day longer while they check it again; the ETag (of what the card shows) answers that check
// with 304 unless the sermon, its transcript or the design changed.
const CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

export const GET = withErrorResponse(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const page = await getSharedSermon({ sermonId: id });
    if (!page) throw AppError.notFound("There is no published sermon with this id.");
    const t = new URL(request.url).searchParams.get("t") ?? undefined;
    const preview = sharePreview(page, parseStartTime(t, page.sermon.durationMs));
    const headers = {
      "cache-control": CACHE_CONTROL,
      etag: contentEtag(JSON.stringify({ CARD_DESIGN, preview })),
    };
    if (matchesEtag(request.headers, headers.etag))
      return new Response(null, { status: 304, headers });
    return new ImageResponse(<SermonPreviewCard preview={preview} />, {
      ...PREVIEW_IMAGE_SIZE,
      headers,
    });
  },
);
