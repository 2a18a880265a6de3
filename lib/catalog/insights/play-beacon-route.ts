import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { acceptPlayBeacon } from "./accept-play-beacon";

/** The path of the player's beacons, answered by the web process before Next.js sees them. */
export const PLAY_BEACON_PATH = "/api/play-events";

/** POST /api/play-events, errors included: the Next.js route and the web process's fast path. */
export const handlePlayBeacon = withErrorResponse(acceptPlayBeacon, {
  internalMessage: "Play reports could not be stored right now.",
});
