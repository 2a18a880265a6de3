import type { NextConfig } from "next";
import { HSTS_HEADER, RESPONSE_SECURITY_HEADERS } from "./lib/platform/http/security-headers";

// Server actions (admin forms) carry a few fields: 1 MB is plenty. A form posted before the
// page's scripts ran passes through the proxy, which buffers bodies for itself: a little more,
// so an over-large one still reaches Next.js's own 413 instead of arriving cut short.
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "fauxqs",
    "fluent-ffmpeg",
    // Serwist bundles the service worker with it while the app is built (app/serwist/).
    "esbuild",
  ],
  poweredByHeader: false,
  // Every response: nosniff and the referrer policy; HSTS when the request came over https.
  // Pages get their CSP and framing headers from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(RESPONSE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(,.*)?" }],
        headers: [HSTS_HEADER],
      },
    ];
  },
  // Listener data is cached in memory only (lib/catalog/listener-cache/): its tags are expired
  // in memory too, so entries written to disk would come back stale after a restart, or from
  // another run's database (e2e runs share .next/).
  experimental: {
    isrFlushToDisk: false,
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT + 64 * 1024,
  },
  // The build checks only what it bundles; `npm run typecheck` covers the whole repo.
  typescript: { tsconfigPath: "tsconfig.next.json" },
};

export default nextConfig;
