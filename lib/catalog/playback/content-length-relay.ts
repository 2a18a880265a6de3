/**
 * The header the media route states a file's length in: Next.js drops Content-Length from route
 * handlers' answers, and the web app's preload (scripts/launcher/media-content-length.mjs)
 * turns this one back into it as the answer goes out.
 */
export const CONTENT_LENGTH_RELAY = "x-selah-content-length";
