import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { serveSermonMedia } from "./serve-sermon-media";

/** The media route's pattern, as Next.js names it (and the request metric labels it). */
export const MEDIA_ROUTE = "/media/[sermonId]/[...path]";

/**
 * GET and HEAD /media/:sermonId/…, errors included: the Next.js route and the web process's
 * fast path (scripts/launcher/web-app.ts) answer with this one handler.
 */
export const handleMediaRequest = withErrorResponse(serveSermonMedia, {
  internalMessage: "The sermon's media could not be read right now.",
});
