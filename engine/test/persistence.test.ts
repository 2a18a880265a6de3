import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, spawnEngine, type ChildEngine } from "./child-engine";
import {
  getRun,
  listRuns,
  serveApp,
  syncApp,
  tempDataDir,
  testClient,
  waitFor,
  waitForEndedRuns,
  type TestApp,
} from "./harness";

let child: ChildEngine | undefined;
let app: TestApp | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child && child.process.exitCode === null) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("process and persistence", () => {
  it("survives SIGKILL mid-run: memoized steps, sleeps, waits and queued runs all resume; bodies run once", async () => {
    dataDir = tempDataDir();
    const port = await freePort();
    const env = {
      ENGINE_PORT: String(port),
      ENGINE_DATA_DIR: dataDir,
      ENGINE_BACKOFF_SCALE: "0.0001",
    };
    child = await spawnEngine(env);
    const client = testClient(child.url, "durable-app");
    const bodies: Record<string, number> = {};
    const count = (name: string) => (bodies[name] = (bodies[name] ?? 0) + 1);
    const functions = [
      client.createFunction(
        { id: "durable", triggers: [{ event: "demo/durable" }] },
        async ({ step }) => {
          const one = await step.run("one", () => (count("one"), Date.now()));
          await step.sleep("nap", "2s");
          const two = await step.run("two", () => (count("two"), Date.now()));
          await step.run("three", () => count("three"));
          return { sleptMs: two - one };
        },
      ),
      client.createFunction(
        { id: "waiter", triggers: [{ event: "demo/wait" }] },
        async ({ step }) => {
          const got = await step.waitForEvent("go", { event: "demo/go", timeout: "1m" });
          return got?.data ?? "timed out";
        },
      ),
      client.createFunction(
        { id: "queued", concurrency: 1, triggers: [{ event: "demo/queued" }] },
        async ({ step, event }) => {
          await step.run("work", async () => {
            count(`queued-${event.data.n}`);
            await new Promise((resolve) => setTimeout(resolve, 150));
          });
        },
      ),
    ];
    app = await serveApp(client, functions);
    expect((await syncApp(app.url)).status).toBe(200);
    await client.send({ name: "demo/durable", data: {} });
    await client.send({ name: "demo/wait", data: {} });
    await client.send([1, 2, 3, 4, 5, 6].map((n) => ({ name: "demo/queued", data: { n } })));

    const [durable] = await waitFor(async () => {
      const runs = await listRuns(child!.url, "durable-app-durable");
      const run = runs[0] && (await getRun(child!.url, runs[0].run_id));
      return run?.steps.some((s) => s.op === "Sleep") ? runs : undefined;
    });
    await waitFor(async () => {
      const [run] = await listRuns(child!.url, "durable-app-waiter");
      return run &&
        (await getRun(child!.url, run.run_id)).steps.some((s) => s.op === "WaitForEvent")
        ? true
        : undefined;
    });
    child.process.kill("SIGKILL");
    expect(await child.exited).toBe("SIGKILL");
    const queuedBeforeRestart = Object.keys(bodies).filter((key) =>
      key.startsWith("queued-"),
    ).length;
    expect(queuedBeforeRestart).toBeLessThan(6);

    child = await spawnEngine(env);
    await client.send({ name: "demo/go", data: { ok: true } });
    const [waiter] = await waitForEndedRuns(child.url, "durable-app-waiter");
    expect(waiter?.output).toEqual({ ok: true });
    const [finished] = await waitForEndedRuns(child.url, "durable-app-durable", 1, 15_000);
    expect(finished?.run_id).toBe(durable?.run_id);
    expect(finished?.status).toBe("Completed");
    expect((finished?.output as { sleptMs: number }).sleptMs).toBeGreaterThanOrEqual(2000);
    const queued = await waitForEndedRuns(child.url, "durable-app-queued", 6, 15_000);
    expect(queued.every((run) => run.status === "Completed")).toBe(true);
    expect(bodies).toMatchObject({ one: 1, two: 1, three: 1 });
    for (let n = 1; n <= 6; n++) expect(bodies[`queued-${n}`]).toBeGreaterThanOrEqual(1);
  });

  it("shuts down cleanly on SIGTERM with exit code 0 and rejects invalid env at start", async () => {
    dataDir = tempDataDir();
    child = await spawnEngine({ ENGINE_PORT: "0", ENGINE_DATA_DIR: dataDir });
    const health = await fetch(`${child.url}/health`);
    expect(await health.json()).toEqual({ status: "ok", appsSynced: true });
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    await expect(
      spawnEngine({ ENGINE_PORT: "not-a-port", ENGINE_DATA_DIR: dataDir }),
    ).rejects.toThrow(/ENGINE_PORT/);
  });
});
