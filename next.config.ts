import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "fauxqs",
    "fluent-ffmpeg",
  ],
  poweredByHeader: false,
  // Listener data is cached in memory only (lib/catalog/listener-cache/): its tags are expired
  // in memory too, so entries written to disk would come back stale after a restart, or from
  // another run's database (e2e runs share .next/).
  experimental: { isrFlushToDisk: false },
  // The build checks only what it bundles; `npm run typecheck` covers the whole repo.
  typescript: { tsconfigPath: "tsconfig.next.json" },
};

export default nextConfig;
