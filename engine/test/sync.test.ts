import { afterEach, describe, expect, it } from "vitest";
import {
  cleanupAll,
  engineFetch,
  getJson,
  listRuns,
  serveApp,
  setupApp,
  sleep,
  startTestEngine,
  syncApp,
  testClient,
  waitFor,
  waitForEndedRuns,
} from "./harness";
import { freePort } from "./child-engine";

afterEach(cleanupAll);

interface FunctionsBody {
  data: { id: string; name: string; version: number }[];
}

async function functionIds(engineUrl: string, app: string): Promise<string[]> {
  return (await getJson<FunctionsBody>(`${engineUrl}/v1/apps/${app}/functions`)).data
    .map((fn) => fn.id)
    .sort();
}

describe("sync", () => {
  it("registers out-of-band with failure handlers; an identical re-sync is not modified", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "a", triggers: [{ event: "demo/a" }], onFailure: () => {} },
        async () => "a",
      ),
      client.createFunction({ id: "b", triggers: [{ event: "demo/b" }] }, async () => "b"),
    ]);
    expect(await functionIds(setup.engine.url, "test-app")).toEqual([
      "test-app-a",
      "test-app-a-failure",
      "test-app-b",
    ]);
    const again = await syncApp(setup.app.url);
    expect(again).toEqual({
      status: 200,
      body: { message: "Successfully registered", modified: false },
    });
  });

  it("syncs in-band through POST /v1/sync and at start from ENGINE_APP_URLS-style appUrls", async () => {
    const first = await startTestEngine();
    const client = testClient(first.url, "inband");
    const app = await serveApp(client, [
      client.createFunction({ id: "x", triggers: [{ event: "demo/x" }] }, async () => "x"),
    ]);
    const response = await engineFetch(`${first.url}/v1/sync`, {
      method: "POST",
      body: JSON.stringify({ url: app.url }),
    });
    const body = (await response.json()) as { data: { kind: string; ok: boolean }[] };
    expect(body.data[0]).toMatchObject({ ok: true, kind: "in_band" });
    expect(await functionIds(first.url, "inband")).toEqual(["inband-x"]);
    await first.stop();

    const second = await startTestEngine({ appUrls: [app.url] });
    await waitFor(
      async () => (await engineFetch(`${second.url}/v1/apps/inband/functions`)).ok || undefined,
      5000,
      "start-up sync",
    );
    await app.close();
    await second.stop();
  });

  it("syncs a configured app as soon as it answers, not at the next period; /health says when", async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}/api/inngest`;
    // A period far longer than the test: only the retry of a not yet synced app can sync it.
    const engine = await startTestEngine({ appUrls: [appUrl], syncIntervalMs: 60_000 });
    const health = () => getJson<{ status: string; appsSynced: boolean }>(`${engine.url}/health`);
    await sleep(600);
    expect(await health()).toEqual({ status: "ok", appsSynced: false });

    const client = testClient(engine.url, "late");
    const app = await serveApp(
      client,
      [client.createFunction({ id: "x", triggers: [{ event: "demo/late" }] }, async () => "ran")],
      port,
    );
    const upAt = Date.now();
    await waitFor(async () => (await health()).appsSynced, 3000, "the configured app's sync");
    expect(Date.now() - upAt).toBeLessThan(2000);
    expect(await functionIds(engine.url, "late")).toEqual(["late-x"]);
    // Events sent from now on start runs.
    await client.send({ name: "demo/late", data: {} });
    const [run] = await waitForEndedRuns(engine.url, "late-x");
    expect(run?.output).toBe("ran");
    // Synced once, it stays so while the app is away (the engine keeps its functions).
    await app.close();
    await sleep(400);
    expect((await health()).appsSynced).toBe(true);
    await engine.stop();
  });

  it("falls back to out-of-band when the app sets INNGEST_ALLOW_IN_BAND_SYNC=false", async () => {
    process.env.INNGEST_ALLOW_IN_BAND_SYNC = "false";
    try {
      const engine = await startTestEngine();
      const client = testClient(engine.url, "oob");
      const app = await serveApp(client, [
        client.createFunction({ id: "x", triggers: [{ event: "demo/x" }] }, async () => "x"),
      ]);
      const response = await engineFetch(`${engine.url}/v1/sync`, {
        method: "POST",
        body: JSON.stringify({ url: app.url }),
      });
      const body = (await response.json()) as { data: { kind: string; ok: boolean }[] };
      expect(body.data[0]).toMatchObject({ ok: true, kind: "out_of_band" });
      expect(await functionIds(engine.url, "oob")).toEqual(["oob-x"]);
      await app.close();
      await engine.stop();
    } finally {
      delete process.env.INNGEST_ALLOW_IN_BAND_SYNC;
    }
  });

  it("re-sync replaces the function set and new config applies to new runs", async () => {
    const engine = await startTestEngine();
    const client = testClient(engine.url, "resync");
    const v1 = [
      client.createFunction({ id: "keep", triggers: [{ event: "demo/old" }] }, async () => "v1"),
      client.createFunction({ id: "drop", triggers: [{ event: "demo/old" }] }, async () => "gone"),
    ];
    let app = await serveApp(client, v1);
    const port = Number(new URL(app.url).port);
    await syncApp(app.url);
    await app.close();
    app = await serveApp(
      client,
      [client.createFunction({ id: "keep", triggers: [{ event: "demo/new" }] }, async () => "v2")],
      port,
    );
    expect((await syncApp(app.url)).body.modified).toBe(true);
    expect(await functionIds(engine.url, "resync")).toEqual(["resync-keep"]);
    await client.send({ name: "demo/old", data: {} });
    await client.send({ name: "demo/new", data: {} });
    const [run] = await waitForEndedRuns(engine.url, "resync-keep");
    expect(run?.output).toBe("v2");
    await sleep(200);
    expect(await listRuns(engine.url, "resync-keep")).toHaveLength(1);
    await app.close();
    await engine.stop();
  });

  it("reports unsupported options at sync and rejects invalid functions with a 4xx", async () => {
    const engine = await startTestEngine();
    const fn = (extra: Record<string, unknown>) => ({
      id: "raw-fn",
      name: "raw",
      triggers: [{ event: "demo/raw" }],
      steps: {
        step: {
          id: "step",
          name: "step",
          runtime: { type: "http", url: "http://127.0.0.1:9/api/inngest?fnId=raw-fn&stepId=step" },
        },
      },
      ...extra,
    });
    const register = (functions: unknown[]) =>
      engineFetch(`${engine.url}/fn/register`, {
        method: "POST",
        body: JSON.stringify({
          url: "http://127.0.0.1:9/api/inngest",
          appName: "raw",
          framework: "nodejs",
          sdk: "js:v4.24.0",
          v: "0.1",
          functions,
        }),
      });
    const warned = await register([fn({ futureOption: { x: 1 } })]);
    expect(warned.status).toBe(200);
    const body = (await warned.json()) as { warnings: { function: string; option: string }[] };
    expect(body.warnings).toEqual([
      expect.objectContaining({ function: "raw-fn", option: "futureOption" }),
    ]);

    const invalid = await register([
      fn({ triggers: [{ event: "demo/raw", expression: "event.data.x ==" }] }),
    ]);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string; status: number }).error).toMatch(/raw-fn/);

    const duplicate = await register([fn({}), fn({})]);
    expect(duplicate.status).toBe(400);
    const malformed = await engineFetch(`${engine.url}/fn/register`, {
      method: "POST",
      body: "{oops",
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400 });
    const noName = await engineFetch(`${engine.url}/fn/register`, {
      method: "POST",
      body: JSON.stringify({ functions: [] }),
    });
    expect(noName.status).toBe(400);
    await engine.stop();
  });

  it("syncs functions using every supported option without warnings", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "everything",
          retries: 2,
          triggers: [
            { event: "demo/all", if: "event.data.ok == true" },
            { cron: "TZ=UTC 0 * * * *" },
          ],
          idempotency: "event.data.id",
          throttle: { limit: 5, period: "1m", burst: 2, key: "event.data.user" },
          concurrency: [
            { limit: 1, key: "event.data.user" },
            { limit: 5, scope: "env", key: '"shared"' },
          ],
          debounce: { period: "5s", timeout: "1m", key: "event.data.user" },
          priority: { run: "event.data.prio" },
          timeouts: { start: "1m", finish: "10m" },
          cancelOn: [{ event: "demo/cancel", if: "async.data.id == event.data.id", timeout: "1h" }],
          singleton: { key: "event.data.user", mode: "skip" },
          onFailure: () => {},
        },
        async () => "ok",
      ),
      client.createFunction(
        {
          id: "batcher",
          batchEvents: { maxSize: 10, timeout: "5s", key: "event.data.user" },
          rateLimit: { limit: 10, period: "1h" },
          triggers: [{ event: "demo/b" }],
        },
        async () => "ok",
      ),
    ]);
    const apps = await getJson<{
      data: { name: string; warnings: unknown[]; functions: { id: string }[] }[];
    }>(`${setup.engine.url}/v1/apps`);
    expect(apps.data).toHaveLength(1);
    expect(apps.data[0]?.warnings).toEqual([]);
    expect(apps.data[0]?.functions.map((fn) => fn.id).sort()).toEqual([
      "test-app-batcher",
      "test-app-everything",
      "test-app-everything-failure",
    ]);
  });

  it("answers GET /health and GET /dev like the dev server", async () => {
    const setup = await setupApp((client) => [
      client.createFunction({ id: "f", triggers: [{ event: "demo/f" }] }, async () => 1),
    ]);
    expect(await getJson(`${setup.engine.url}/health`)).toEqual({ status: "ok", appsSynced: true });
    const dev = await getJson<{
      functions: { id: string }[];
      handlers: unknown[];
      isSingleNodeService: boolean;
    }>(`${setup.engine.url}/dev`);
    expect(dev.functions.map((fn) => fn.id)).toEqual(["test-app-f"]);
    expect(dev.handlers).toHaveLength(1);
    const unknown = await engineFetch(`${setup.engine.url}/nope`);
    expect(unknown.status).toBe(404);
    expect((await engineFetch(`${setup.engine.url}/v1/apps/nope/functions`)).status).toBe(404);
    const removed = await engineFetch(
      `${setup.engine.url}/fn/remove?url=${encodeURIComponent(setup.app.url)}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(200);
    expect((await getJson<{ functions: unknown[] }>(`${setup.engine.url}/dev`)).functions).toEqual(
      [],
    );
    expect(
      (await engineFetch(`${setup.engine.url}/fn/remove?url=nope`, { method: "DELETE" })).status,
    ).toBe(404);
  });
});
