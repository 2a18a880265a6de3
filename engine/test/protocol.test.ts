import { afterEach, describe, expect, it } from "vitest";
import {
  cleanupAll,
  engineFetch,
  getJson,
  listRuns,
  onlyRun,
  type RunView,
  setupApp,
  waitFor,
  waitForEndedRuns,
} from "./harness";

afterEach(cleanupAll);

describe("protocol edges", () => {
  it("sends version -1 first, then echoes 2; never 0; max_attempts = retries + 1", async () => {
    const setup = await setupApp(
      (client) => [
        client.createFunction(
          { id: "versioned", retries: 2, triggers: [{ event: "demo/v" }] },
          async ({ step }) => {
            await step.run("a", () => 1);
            await step.run("b", () => 2);
          },
        ),
      ],
      { checkpointing: false },
    );
    await setup.send("demo/v");
    await onlyRun(setup, "versioned");
    const versions = setup.app.calls.map((call) => call.body.version);
    expect(versions).toEqual([-1, 2, 2]);
    expect(setup.app.calls.every((call) => call.body.ctx?.max_attempts === 3)).toBe(true);
  });

  it("handles optimizeParallelism: false (request version 1) without running a step twice", async () => {
    const bodies: string[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "v1", optimizeParallelism: false, triggers: [{ event: "demo/v1" }] },
        async ({ step }) => {
          const [a, b] = await Promise.all([
            step.run("a", () => (bodies.push("a"), 1)),
            step.run("b", () => (bodies.push("b"), 2)),
          ]);
          return step.run("c", () => (bodies.push("c"), a + b));
        },
      ),
    ]);
    await setup.send("demo/v1");
    const run = await onlyRun(setup, "v1");
    expect(run.output).toBe(3);
    expect(bodies.sort()).toEqual(["a", "b", "c"]);
    expect(setup.app.calls.slice(1).every((call) => call.body.version === 1)).toBe(true);
  });

  it("unwraps streamed (HTTP 201) responses", async () => {
    process.env.INNGEST_STREAMING = "true";
    try {
      const setup = await setupApp(
        (client) => [
          client.createFunction(
            { id: "streamed", triggers: [{ event: "demo/stream" }] },
            async ({ step }) => {
              const a = await step.run("a", () => "A");
              return a + "!";
            },
          ),
        ],
        { checkpointing: false },
      );
      await setup.send("demo/stream");
      const run = await onlyRun(setup, "streamed");
      expect(run.output).toBe("A!");
      expect(setup.app.calls.map((call) => call.status)).toEqual([201, 201]);
    } finally {
      delete process.env.INNGEST_STREAMING;
    }
  });
});

describe("REST API and UI", () => {
  it("lists events, runs of an event, a run with step history, and replays a run", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "observed", retries: 1, triggers: [{ event: "demo/observe" }] },
        async ({ step, attempt }) => {
          await step.run("flaky", () => {
            if (attempt === 0) throw new Error("first attempt fails");
            return "ok";
          });
          await step.sleep("pause", "1s");
          return "done";
        },
      ),
    ]);
    const [eventId] = await setup.send("demo/observe", { who: "me" });
    const run = await onlyRun(setup, "observed", 10_000);

    const events = await getJson<{
      data: { internal_id: string; name: string; data: unknown }[];
      metadata: { fetched_at: string };
    }>(`${setup.engine.url}/v1/events?name=demo/observe`);
    expect(events.data).toEqual([
      expect.objectContaining({ internal_id: eventId, name: "demo/observe", data: { who: "me" } }),
    ]);
    expect(events.metadata.fetched_at).toBeTruthy();

    const runsOfEvent = await getJson<{ data: RunView[] }>(
      `${setup.engine.url}/v1/events/${eventId}/runs`,
    );
    expect(runsOfEvent.data.map((r) => [r.run_id, r.status])).toEqual([[run.run_id, "Completed"]]);

    const flaky = run.steps.find((s) => s.name === "flaky");
    expect(flaky).toMatchObject({ attempts: 2, output: "ok", op: "StepRun" });
    const pause = run.steps.find((s) => s.name === "pause");
    expect(pause?.op).toBe("Sleep");
    expect(
      Date.parse(pause?.ended_at ?? "") - Date.parse(pause?.started_at ?? ""),
    ).toBeGreaterThanOrEqual(900);

    const replay = await engineFetch(`${setup.engine.url}/v1/runs/${run.run_id}/replay`, {
      method: "POST",
    });
    const replayBody = (await replay.json()) as { data: { run_id: string } };
    expect(replayBody.data.run_id).not.toBe(run.run_id);
    const runs = await waitForEndedRuns(setup.engine.url, setup.fnId("observed"), 2, 10_000);
    expect(runs.map((r) => r.status)).toEqual(["Completed", "Completed"]);

    expect((await engineFetch(`${setup.engine.url}/v1/runs/unknown`)).status).toBe(404);
    expect((await engineFetch(`${setup.engine.url}/v1/events?limit=0`)).status).toBe(400);
  });

  it("serves an HTML page that lists runs", async () => {
    const setup = await setupApp(() => []);
    const response = await fetch(`${setup.engine.url}/`);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("/v1/runs");
    expect(html).toContain("<table");
  });

  it("POST /invoke/:slug starts a function directly", async () => {
    const setup = await setupApp((client) => [
      client.createFunction({ id: "direct" }, async ({ event }) => event.data.x),
    ]);
    const response = await engineFetch(`${setup.engine.url}/invoke/${setup.fnId("direct")}`, {
      method: "POST",
      body: JSON.stringify({ data: { x: 7 } }),
    });
    expect(response.status).toBe(200);
    const run = await onlyRun(setup, "direct");
    expect(run.output).toBe(7);
    expect(
      (await engineFetch(`${setup.engine.url}/invoke/nope`, { method: "POST", body: "{}" })).status,
    ).toBe(404);
    await waitFor(async () =>
      (await listRuns(setup.engine.url, setup.fnId("direct"))).length === 1 ? true : undefined,
    );
  });
});
