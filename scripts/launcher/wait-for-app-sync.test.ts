import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "inngest/node";
import { afterAll, describe, expect, it } from "vitest";
import { startEngine, type RunningEngine } from "@/engine/src/engine";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnvSchema } from "@/lib/platform/config/server-env";
import { checkDependencies } from "@/lib/platform/health/check-dependencies";
import { engineGet } from "@/test/events/support/event-path";
import { signedAppEnv, testInngestKeys } from "@/test/support/inngest-keys";
import { claimPort } from "./ports";
import { waitForAppSync } from "./wait-for-app-sync";

// The engine as the launcher starts it (signed, ENGINE_APP_URLS naming the web app, the default
// sync period), with the web app coming up after it, as on `npm start`. The app here is the same
// functions the web app serves at /api/inngest, without a `next build`.

const dataDir = mkdtempSync(path.join(tmpdir(), "selah-app-sync-"));
let engine: RunningEngine | undefined;
let app: Server | undefined;

afterAll(async () => {
  app?.closeAllConnections();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  await engine?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("readiness waits for the engine to sync the web app's functions", () => {
  it("is not ready while the app is starting, and ready (health too) right after it answers", async () => {
    const appPort = await claimPort(0, "web app", "PORT");
    const appUrl = `http://127.0.0.1:${appPort}/api/inngest`;
    engine = await startEngine({
      port: 0,
      dataDir,
      logLevel: "silent",
      appUrls: [appUrl],
      signingKey: testInngestKeys.signingKey,
      eventKeys: [testInngestKeys.eventKey],
    });
    Object.assign(process.env, signedAppEnv(engine.url));
    delete process.env.INNGEST_DEV;
    // What /api/health checks; only the engine matters here (nothing else is running).
    const env = parseEnv(serverEnvSchema, {
      DATABASE_URL: "postgresql://selah@127.0.0.1:1/selah",
      S3_ENDPOINT: "http://127.0.0.1:1",
      S3_BUCKET: "selah-media",
      SQS_ENDPOINT: "http://127.0.0.1:1",
      SQS_QUEUE_URL: "http://127.0.0.1:1/000000000000/selah-events",
      SQS_DLQ_URL: "http://127.0.0.1:1/000000000000/selah-events-dlq",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      BETTER_AUTH_SECRET: "x".repeat(32),
      ...signedAppEnv(engine.url),
    });
    const engineHealth = async () => (await checkDependencies(env)).dependencies.workflowEngine;

    let readyAt: number | undefined;
    const ready = waitForAppSync(engine.url, 30_000).then(() => (readyAt = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(readyAt).toBeUndefined();
    expect(await engineHealth()).toMatchObject({
      status: "down",
      error: "it has not synced the app's functions yet",
    });

    const { inngest } = await import("@/inngest/client");
    const { functions } = await import("@/inngest/index");
    const handler = serve({ client: inngest, functions });
    app = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => app!.listen(appPort, "127.0.0.1", resolve));
    const answersAt = Date.now();

    await ready;
    // Far sooner than the engine's sync period (5 s): it retries an app not synced yet.
    expect(readyAt! - answersAt).toBeLessThan(2000);
    const registered = (await (
      await engineGet(`${engine.url}/v1/apps/${inngest.id}/functions`)
    ).json()) as { data: { id: string }[] };
    expect(registered.data.map((fn) => fn.id)).toEqual(
      expect.arrayContaining(functions.map((fn) => fn.id(inngest.id))),
    );
    expect(await engineHealth()).toMatchObject({ status: "up" });
  }, 60_000);
});
