// The service worker (components/offline/service-worker.ts), bundled with esbuild by Serwist
// when the app is built, with Next.js's static files listed for precaching; served at
// /serwist/sw.js and allowed to control the whole site.
import { createSerwistRoute } from "@serwist/turbopack";
import { OFFLINE_SHELL } from "@/components/offline/offline-caches";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute(
  {
    swSrc: "components/offline/service-worker.ts",
    // esbuild is installed already (tsx runs on it); the WASM build would be another download.
    useNativeEsbuild: true,
    // The offline shell is a page: kept at install (again with each build), so it is there
    // before it is ever visited.
    additionalPrecacheEntries: [{ url: OFFLINE_SHELL, revision: String(Date.now()) }],
    esbuildOptions: { format: "iife" },
  },
);
