import { createServer } from "node:http";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import {
  cleanupAll,
  getJson,
  listRuns,
  onlyRun,
  serveApp,
  setupApp,
  SIGNED,
  startTestEngine,
  syncApp,
  testClient,
  waitFor,
  waitForEndedRuns,
} from "./harness";

afterEach(cleanupAll);

describe("errors and retries", () => {
  it("retries a step that throws once; later steps start at attempt 0", async () => {
    const seen: { step: string; attempt: number }[] = [];
    let thrown = false;
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "flaky", triggers: [{ event: "demo/flaky" }] },
        async ({ step, attempt }) => {
          await step.run("flaky-step", () => {
            seen.push({ step: "flaky", attempt });
            if (!thrown) {
              thrown = true;
              throw new Error("first time fails");
            }
            return "ok";
          });
          await step.run("next", () => seen.push({ step: "next", attempt }));
          return "done";
        },
      ),
    ]);
    await setup.send("demo/flaky");
    const run = await onlyRun(setup, "flaky");
    expect(run.status).toBe("Completed");
    expect(seen).toEqual([
      { step: "flaky", attempt: 0 },
      { step: "flaky", attempt: 1 },
      { step: "next", attempt: 0 },
    ]);
    expect(run.steps.find((s) => s.name === "flaky-step")?.attempts).toBe(2);
  });

  it("retries an always-throwing step N times, then onFailure gets the error once", async () => {
    let attempts = 0;
    const failures: string[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "doomed",
          retries: 2,
          triggers: [{ event: "demo/doomed" }],
          onFailure: async ({
            error,
            event,
          }: {
            error: Error;
            event: { data: { function_id?: unknown } };
          }) => {
            failures.push(`${error.message}|${String(event.data.function_id)}`);
          },
        },
        async ({ step }) => {
          await step.run("boom", () => {
            attempts++;
            throw new Error("step boom");
          });
        },
      ),
    ]);
    await setup.send("demo/doomed");
    const run = await onlyRun(setup, "doomed");
    expect(run.status).toBe("Failed");
    expect(run.error?.message).toBe("step boom");
    expect(attempts).toBe(3);
    await waitForEndedRuns(setup.engine.url, setup.fnId("doomed-failure"));
    expect(failures).toEqual([`step boom|${setup.fnId("doomed")}`]);
    const attemptsSent = setup.app.calls
      .filter((c) => c.fnId === setup.fnId("doomed"))
      .map((c) => [c.body.ctx?.attempt, c.body.ctx?.max_attempts]);
    expect(attemptsSent.slice(0, 3)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    const finished = await getJson<{
      data: { data: { function_id: string; run_id: string; _inngest: { status: string } } }[];
    }>(`${setup.engine.url}/v1/events?name=inngest/function.finished`);
    const mine = finished.data.find((e) => e.data.run_id === run.run_id);
    expect(mine?.data._inngest.status).toBe("Failed");
    expect(mine?.data.function_id).toBe(setup.fnId("doomed"));
    const failed = await getJson<{ data: unknown[] }>(
      `${setup.engine.url}/v1/events?name=inngest/function.failed`,
    );
    expect(failed.data).toHaveLength(1);
  });

  it("completes when user code catches the failed step", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "catcher", retries: 1, triggers: [{ event: "demo/catch" }] },
        async ({ step }) => {
          try {
            await step.run("boom", () => {
              throw new Error("nope");
            });
          } catch (error) {
            return `caught ${(error as Error).message}`;
          }
        },
      ),
    ]);
    await setup.send("demo/catch");
    const run = await onlyRun(setup, "catcher");
    expect(run.status).toBe("Completed");
    expect(run.output).toBe("caught nope");
  });

  it("fails at once on NonRetriableError in a step and in function code", async () => {
    let stepRuns = 0;
    let fnRuns = 0;
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "nr-step", triggers: [{ event: "demo/nr" }] },
        async ({ step }) => {
          await step.run("boom", () => {
            stepRuns++;
            throw new NonRetriableError("permanent");
          });
        },
      ),
      client.createFunction({ id: "nr-fn", triggers: [{ event: "demo/nr" }] }, async () => {
        fnRuns++;
        throw new NonRetriableError("permanent fn");
      }),
    ]);
    await setup.send("demo/nr");
    const stepRun = await onlyRun(setup, "nr-step");
    const fnRun = await onlyRun(setup, "nr-fn");
    expect([stepRun.status, fnRun.status]).toEqual(["Failed", "Failed"]);
    expect(fnRun.error?.message).toBe("permanent fn");
    expect([stepRuns, fnRuns]).toEqual([1, 1]);
  });

  it("retries function-level throws; retries: 0 means a single attempt", async () => {
    let withRetries = 0;
    let without = 0;
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "fn-throw", retries: 3, triggers: [{ event: "demo/fn-throw" }] },
        async () => {
          withRetries++;
          if (withRetries < 3) throw new Error("not yet");
          return withRetries;
        },
      ),
      client.createFunction(
        { id: "no-retry", retries: 0, triggers: [{ event: "demo/fn-throw" }] },
        async () => {
          without++;
          throw new Error("once");
        },
      ),
    ]);
    await setup.send("demo/fn-throw");
    expect((await onlyRun(setup, "fn-throw")).output).toBe(3);
    expect((await onlyRun(setup, "no-retry")).status).toBe("Failed");
    expect(without).toBe(1);
  });

  it("waits for RetryAfterError's delay before the next attempt", async () => {
    const times: number[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "later", triggers: [{ event: "demo/later" }] },
        async ({ step }) => {
          return step.run("try", () => {
            times.push(Date.now());
            if (times.length === 1) throw new RetryAfterError("come back later", 1500);
            return "ok";
          });
        },
      ),
    ]);
    await setup.send("demo/later");
    const run = await onlyRun(setup, "later");
    expect(run.output).toBe("ok");
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("retries when the app is down or answers without the SDK header, and succeeds once it is back", async () => {
    const engine = await startTestEngine({ backoffScale: 0.02 });
    const client = testClient(engine.url, "flappy");
    const fn = client.createFunction(
      { id: "fn", triggers: [{ event: "demo/flap" }] },
      async () => "back",
    );
    let app = await serveApp(client, [fn]);
    const port = Number(new URL(app.url).port);
    await syncApp(app.url);
    await app.close();
    // A non-SDK 500 page on the same port first, then nothing at all, then the real app.
    const impostor = createServer((_req, res) => res.writeHead(500).end("<html>oops</html>"));
    await new Promise<void>((resolve) => impostor.listen(port, "127.0.0.1", resolve));
    await client.send({ name: "demo/flap", data: {} });
    await waitFor(
      async () => (await listRuns(engine.url, "flappy-fn"))[0]?.status === "Running" || undefined,
    );
    await new Promise<void>((resolve) => impostor.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    app = await serveApp(client, [fn], port);
    const [run] = await waitForEndedRuns(engine.url, "flappy-fn", 1, 30_000);
    expect(run?.status).toBe("Completed");
    expect(run?.output).toBe("back");
    await app.close();
    await engine.stop();
  });

  it("treats a call timeout as transient and retries it", async () => {
    let attempts = 0;
    const setup = await setupApp(
      (client) => [
        client.createFunction(
          { id: "hangs", triggers: [{ event: "demo/hang" }] },
          async ({ step }) => {
            return step.run("maybe-slow", async () => {
              attempts++;
              if (attempts === 1) await new Promise((resolve) => setTimeout(resolve, 2500));
              return attempts;
            });
          },
        ),
      ],
      { callTimeoutMs: 1000 },
    );
    await setup.send("demo/hang");
    const run = await onlyRun(setup, "hangs", 10_000);
    expect(run.status).toBe("Completed");
    expect(run.output).toBe(2);
  });

  it("fails the run with a clear error when a step output is over 4 MB", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "huge", retries: 0, triggers: [{ event: "demo/huge" }] },
        async ({ step }) => {
          await step.run("big", () => "x".repeat(5 * 1024 * 1024));
          return "unreachable";
        },
      ),
    ]);
    await setup.send("demo/huge");
    const run = await onlyRun(setup, "huge");
    expect(run.status).toBe("Failed");
    expect(run.error?.message).toMatch(/4 MB/);
  });

  it("fails the run when the app answers garbage, and keeps serving", async () => {
    const engine = await startTestEngine();
    const client = testClient(engine.url, "garbage");
    const fn = client.createFunction(
      { id: "fn", retries: 1, triggers: [{ event: "demo/garbage" }] },
      async () => "never",
    );
    const real = await serveApp(client, [fn]);
    await syncApp(real.url);
    const port = Number(new URL(real.url).port);
    await real.close();
    const liar = createServer((_req, res) =>
      res.writeHead(206, { "x-inngest-sdk": "inngest-js:v4.24.0" }).end("{not json"),
    );
    await new Promise<void>((resolve) => liar.listen(port, "127.0.0.1", resolve));
    await client.send({ name: "demo/garbage", data: {} });
    const [run] = await waitForEndedRuns(engine.url, "garbage-fn");
    expect(run?.status).toBe("Failed");
    // Signed, the unsigned answer is refused before it is read; open, its body is.
    expect(run?.error?.message).toMatch(SIGNED ? /no X-Inngest-Signature/ : /not JSON/);
    const health = await fetch(`${engine.url}/health`);
    expect(await health.json()).toEqual({ status: "ok", appsSynced: true });
    await new Promise<void>((resolve) => liar.close(() => resolve()));
    await engine.stop();
  });
});
