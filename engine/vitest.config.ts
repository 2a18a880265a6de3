import { defineConfig } from "vitest/config";

// For `npm test` inside engine/ (the package on its own). From the repository root,
// `npx vitest run engine` uses the root config, which has the same timeouts.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
