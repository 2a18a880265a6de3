import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "fauxqs", "fluent-ffmpeg"],
  poweredByHeader: false,
  // The build checks only what it bundles; `npm run typecheck` covers the whole repo.
  typescript: { tsconfigPath: "tsconfig.next.json" },
};

export default nextConfig;
