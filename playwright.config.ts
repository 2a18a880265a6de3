import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { feedSitePort } from "./e2e/support/feed-site";
import { OPERATOR_TOKEN } from "./e2e/support/operator-token";

// Each run gets its own data dir and service ports, so it never sees another run's state.
const port = Number(process.env.E2E_PORT ?? 3210);
// Workers inherit the env, so they see the same run id (and data dir) as the main process.
process.env.E2E_RUN_ID ??= String(process.pid);
// npm test clears .data/e2e before each run.
const dataDir = path.resolve(".data", "e2e", process.env.E2E_RUN_ID);
// Tests run CLIs (admin:create) against the same embedded database.
process.env.SELAH_DATA_DIR = dataDir;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is not reachable here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } },
      // These upload and process real audio; doing it twice per run would double e2e time.
      // Their tests take phone-width screenshots themselves, and their API checks need no layout.
      testIgnore: [
        "**/upload.spec.ts",
        "**/search.spec.ts",
        "**/transcript.spec.ts",
        // Takes its own 390 px screenshot of the marked transcript.
        "**/transcript-confidence.spec.ts",
        "**/admin-api.spec.ts",
        "**/import.spec.ts",
        "**/chapters.spec.ts",
        "**/skip-silence.spec.ts",
        // Operator pages: it takes its own 390 px screenshots, and its pipeline runs once.
        "**/operations.spec.ts",
        // The player's own flows: one browser is enough, and they take their own 390 px shots.
        "**/persistent-player.spec.ts",
        "**/resume.spec.ts",
        "**/bookmarks.spec.ts",
        // Offline listening: the service worker's caches behave the same at any width.
        "**/offline.spec.ts",
        // The insights dashboard: one browser; it takes its own 390 px screenshot.
        "**/insights.spec.ts",
        // Headers, caching, access and metrics: what they check is the same at any width.
        "**/security.spec.ts",
        "**/listener-cache.spec.ts",
        "**/metrics.spec.ts",
      ],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/selah.ts start",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORT: String(port),
      SELAH_DATA_DIR: dataDir,
      PGLITE_PORT: "0",
      FAUXQS_PORT: "0",
      ENGINE_PORT: "0",
      WORKER_PORT: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // The tests add their own sermons to Grace Chapel; the demo's would change what they count.
      SELAH_DEMO_SERMONS: "false",
      // The import spec's podcast host runs on loopback, which imports refuse unless listed.
      IMPORT_ALLOWED_HOSTS: `127.0.0.1:${feedSitePort(port)}`,
      // Opens /api/metrics (and the DLQ API) to e2e/metrics.spec.ts.
      ADMIN_API_TOKEN: OPERATOR_TOKEN,
    },
  },
});
