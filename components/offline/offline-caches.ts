/**
 * Names shared by the service worker (service-worker.ts) and the pages: the cache that holds
 * downloaded sermons, and the page that is the app's shell when there is no network.
 */
export const DOWNLOADS_CACHE = "selah-downloads-v1";

/** Listener pages visited online, kept for when the network is gone. */
export const PAGES_CACHE = "selah-pages-v1";

/** Offline, a page never visited answers with this one: it lists what was downloaded. */
export const OFFLINE_SHELL = "/downloads";

/** The service worker's script, served by app/serwist/[path]/route.ts. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/**
 * Pages and data that are one person's (accounts, admin, the operator's, the APIs): never
 * cached by the service worker, so nobody else on the device reads them back offline.
 */
export const NEVER_CACHED = /^\/(?:account|admin|operator|api|s3|serwist)(?:\/|$)/;

/**
 * A sermon's transcript as the captions routes serve it (app/captions/[sermonId]): WebVTT, and
 * the JSON beside it. Spelt here rather than taken from lib/catalog/playback/listener-paths.ts,
 * whose module pulls zod into the page, and zod probes for eval, which the CSP refuses.
 */
export const keptTranscriptUrls = (sermonId: string) => {
  const captions = `/captions/${encodeURIComponent(sermonId)}`;
  return { captions, json: `${captions}/transcript.json` };
};
