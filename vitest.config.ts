import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/support/global-setup.ts"],
    // Vitest's default is one fewer than the cores: one file at a time on a 2-core machine. Much
    // of the suite waits (an outage held for a minute, services starting, child processes), so
    // two files at once take less wall time: 883 s against 1,139 s for the whole suite here.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
