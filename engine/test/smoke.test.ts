import { afterEach, describe, expect, it } from "vitest";
import { serveApp, startTestEngine, syncApp, testClient, waitForEndedRuns, type TestApp, type TestEngine } from "./harness";

let engine: TestEngine | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  await engine?.stop();
});

describe("smoke", () => {
  it("runs a 3-step function", async () => {
    engine = await startTestEngine();
    const client = testClient(engine.url);
    const calls = { a: 0, b: 0, c: 0 };
    const fn = client.createFunction({ id: "three", triggers: [{ event: "demo/three" }] }, async ({ step }) => {
      const a = await step.run("a", () => (calls.a++, "A"));
      const b = await step.run("b", () => (calls.b++, a + "B"));
      return step.run("c", () => (calls.c++, b + "C"));
    });
    app = await serveApp(client, [fn]);
    const sync = await syncApp(app.url);
    expect(sync.status).toBe(200);
    await client.send({ name: "demo/three", data: {} });
    const [run] = await waitForEndedRuns(engine.url, "test-app-three");
    expect(run?.status).toBe("Completed");
    expect(run?.output).toBe("ABC");
    expect(calls).toEqual({ a: 1, b: 1, c: 1 });
  });
});
