/// <reference lib="webworker" />
// Selah's service worker, bundled by Serwist (app/serwist/[path]/route.ts). It makes the app
// installable and usable without a network: Next.js's static files are precached, listener
// pages are kept as they are visited (network first, so they are never stale online), and a
// downloaded sermon's audio and transcript are answered from the downloads cache, Range
// requests included, which is what an <audio> element sends.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import {
  CacheFirst,
  createPartialResponse,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
} from "serwist";
import { DOWNLOADS_CACHE, NEVER_CACHED, OFFLINE_SHELL, PAGES_CACHE } from "./offline-caches";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const sameOrigin = (url: URL) => url.origin === self.location.origin;

/** A downloaded file, from the downloads cache: a Range answered as a 206 of the stored bytes. */
async function fromDownloads(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(DOWNLOADS_CACHE);
  const stored = await cache.match(request.url, { ignoreVary: true, ignoreSearch: true });
  if (!stored) return undefined;
  return request.headers.has("range") ? createPartialResponse(request, stored) : stored;
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The sermon's audio file and its transcript, once downloaded; else the network, and
      // nothing is kept (a listener's own Download decides what stays on the device).
      matcher: ({ url, sameOrigin: isSame }) =>
        isSame && /^\/(?:media\/[^/]+\/v\d+\/download\.m4a|captions\/[^/]+)/.test(url.pathname),
      handler: async ({ request }) => (await fromDownloads(request)) ?? fetch(request),
    },
    {
      // Built files never change under their name.
      matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "selah-static-v1",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeFrom: "last-used" })],
      }),
    },
    {
      // Listener pages (and their client-side navigations' data): fresh when online, the
      // last visit's when not. Personal pages are never kept.
      matcher: ({ url, request }) =>
        sameOrigin(url) &&
        !NEVER_CACHED.test(url.pathname) &&
        !url.pathname.startsWith("/media/") &&
        (request.mode === "navigate" || request.headers.get("rsc") === "1"),
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        networkTimeoutSeconds: 5,
        plugins: [new ExpirationPlugin({ maxEntries: 100, maxAgeFrom: "last-used" })],
      }),
    },
  ],
  fallbacks: {
    entries: [
      {
        url: OFFLINE_SHELL,
        matcher: ({ request }) => request.destination === "document",
      },
    ],
  },
});

serwist.addEventListeners();
