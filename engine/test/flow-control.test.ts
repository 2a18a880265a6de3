import { afterEach, describe, expect, it } from "vitest";
import {
  cleanupAll,
  engineFetch,
  getJson,
  listRuns,
  onlyRun,
  setupApp,
  sleep,
  waitFor,
  waitForEndedRuns,
} from "./harness";

afterEach(cleanupAll);

/** Tracks how many step bodies overlap. */
function overlapMeter() {
  let active = 0;
  const meter = {
    max: 0,
    async busy(ms: number) {
      active++;
      meter.max = Math.max(meter.max, active);
      await sleep(ms);
      active--;
    },
  };
  return meter;
}

describe("flow control", () => {
  it("concurrency 1 serialises runs, but a sleeping run lets another proceed", async () => {
    const meter = overlapMeter();
    const ended: string[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "serial", concurrency: 1, triggers: [{ event: "demo/serial" }] },
        async ({ step, event }) => {
          await step.run("one", () => meter.busy(150));
          if (event.data.nap) await step.sleep("nap", "1s");
          await step.run("two", () => meter.busy(150));
          await step.run("done", () => ended.push(String(event.data.name)));
        },
      ),
    ]);
    await setup.send("demo/serial", { name: "sleepy", nap: true });
    await sleep(100);
    await setup.send("demo/serial", { name: "quick" });
    await setup.send("demo/serial", { name: "third" });
    await waitForEndedRuns(setup.engine.url, setup.fnId("serial"), 3, 15_000);
    expect(meter.max).toBe(1);
    expect(ended[0]).not.toBe("sleepy");
    expect(ended).toHaveLength(3);
  });

  it("a long concurrency-limited backlog does not hold up other functions", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "backlog", concurrency: 1, triggers: [{ event: "demo/backlog" }] },
        async ({ step }) => {
          await step.run("slow", () => sleep(20));
        },
      ),
      client.createFunction(
        { id: "other", triggers: [{ event: "demo/other" }] },
        async () => "done",
      ),
    ]);
    await setup.client.send(
      Array.from({ length: 400 }, (_, n) => ({ name: "demo/backlog", data: { n } })),
    );
    await setup.send("demo/other");
    await waitForEndedRuns(setup.engine.url, setup.fnId("other"), 1, 5000);
    const backlog = await listRuns(setup.engine.url, setup.fnId("backlog"));
    expect(backlog.filter((run) => run.status !== "Completed").length).toBeGreaterThan(300);
  });

  it("keyed concurrency isolates keys", async () => {
    const meters: Record<string, ReturnType<typeof overlapMeter>> = {
      u1: overlapMeter(),
      u2: overlapMeter(),
    };
    const all = overlapMeter();
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "keyed",
          concurrency: { limit: 1, key: "event.data.user" },
          triggers: [{ event: "demo/keyed" }],
        },
        async ({ step, event }) => {
          await step.run("work", () =>
            Promise.all([meters[String(event.data.user)]?.busy(300), all.busy(300)]),
          );
        },
      ),
    ]);
    await setup.send("demo/keyed", { user: "u1" });
    await setup.send("demo/keyed", { user: "u1" });
    await setup.send("demo/keyed", { user: "u2" });
    await waitForEndedRuns(setup.engine.url, setup.fnId("keyed"), 3);
    expect(meters.u1?.max).toBe(1);
    expect(all.max).toBe(2);
  });

  it("rateLimit drops the second event; idempotency drops a repeated key", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "limited",
          rateLimit: { limit: 1, period: "10s" },
          triggers: [{ event: "demo/limit" }],
        },
        async () => "ran",
      ),
      client.createFunction(
        { id: "idem", idempotency: "event.data.key", triggers: [{ event: "demo/limit" }] },
        async ({ event }) => event.data.key,
      ),
    ]);
    await setup.send("demo/limit", { key: "a" });
    await setup.send("demo/limit", { key: "a" });
    await setup.send("demo/limit", { key: "b" });
    await waitForEndedRuns(setup.engine.url, setup.fnId("idem"), 2);
    await sleep(200);
    expect(await listRuns(setup.engine.url, setup.fnId("limited"))).toHaveLength(1);
    const idem = await listRuns(setup.engine.url, setup.fnId("idem"));
    expect(idem.map((run) => run.output).sort()).toEqual(["a", "b"]);
  });

  it("throttle delays run starts instead of dropping them", async () => {
    const starts: number[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "throttled",
          throttle: { limit: 1, period: "1s" },
          triggers: [{ event: "demo/throttle" }],
        },
        async ({ step }) => {
          await step.run("start", () => starts.push(Date.now()));
        },
      ),
    ]);
    await setup.client.send([
      { name: "demo/throttle", data: {} },
      { name: "demo/throttle", data: {} },
    ]);
    await waitForEndedRuns(setup.engine.url, setup.fnId("throttled"), 2, 10_000);
    expect(starts).toHaveLength(2);
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("debounce turns 3 quick events into one run with the last event", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "debounced", debounce: { period: "1s" }, triggers: [{ event: "demo/debounce" }] },
        async ({ event }) => event.data.n,
      ),
    ]);
    for (const n of [1, 2, 3]) {
      await setup.send("demo/debounce", { n });
      await sleep(100);
    }
    const run = await onlyRun(setup, "debounced", 10_000);
    expect(run.output).toBe(3);
    await sleep(1200);
    expect(await listRuns(setup.engine.url, setup.fnId("debounced"))).toHaveLength(1);
  });

  it("batchEvents starts one run per full batch and flushes a partial batch on timeout", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "batched",
          batchEvents: { maxSize: 3, timeout: "1s" },
          triggers: [{ event: "demo/batch" }],
        },
        async ({ events }) => events.map((event: { data: { n?: unknown } }) => event.data.n),
      ),
    ]);
    for (const n of [1, 2, 3, 4]) await setup.send("demo/batch", { n });
    const runs = await waitForEndedRuns(setup.engine.url, setup.fnId("batched"), 2, 10_000);
    expect(runs.map((run) => run.output).sort()).toEqual([[1, 2, 3], [4]]);
  });

  it("cancelOn cancels a sleeping run; onFailure does not run; older cancel events do nothing", async () => {
    let failureHandlerRuns = 0;
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "cancellable",
          cancelOn: [{ event: "demo/cancel", match: "data.id" }],
          triggers: [{ event: "demo/start" }],
          onFailure: () => {
            failureHandlerRuns++;
          },
        },
        async ({ step, event }) => {
          await step.sleep("wait", event.data.id === "old" ? "1s" : "30s");
          return "slept";
        },
      ),
    ]);
    await setup.send("demo/cancel", { id: "old" });
    await setup.send("demo/start", { id: "old" });
    await setup.send("demo/start", { id: "x" });
    await sleep(300);
    await setup.send("demo/cancel", { id: "other" });
    await setup.send("demo/cancel", { id: "x" });
    const runs = await waitForEndedRuns(setup.engine.url, setup.fnId("cancellable"), 2, 10_000);
    expect(runs.map((run) => run.status).sort()).toEqual(["Cancelled", "Completed"]);
    const cancelled = await getJson<{ data: { data: { run_id: string } }[] }>(
      `${setup.engine.url}/v1/events?name=inngest/function.cancelled`,
    );
    expect(cancelled.data).toHaveLength(1);
    await sleep(300);
    expect(failureHandlerRuns).toBe(0);
  });

  it("DELETE /v1/runs/:id cancels a run", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "long", triggers: [{ event: "demo/long" }] },
        async ({ step }) => {
          await step.sleep("wait", "1m");
        },
      ),
    ]);
    await setup.send("demo/long");
    const [run] = await waitFor(async () => {
      const runs = await listRuns(setup.engine.url, setup.fnId("long"));
      return runs[0]?.status === "Running" ? runs : undefined;
    });
    const response = await engineFetch(`${setup.engine.url}/v1/runs/${run?.run_id}`, {
      method: "DELETE",
    });
    expect(response.status).toBe(200);
    expect((await onlyRun(setup, "long")).status).toBe("Cancelled");
    expect(
      (await engineFetch(`${setup.engine.url}/v1/runs/${run?.run_id}`, { method: "DELETE" }))
        .status,
    ).toBe(409);
  });

  it("timeouts.finish cancels a long sleeper; timeouts.start cancels a run that never got to start", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "finish", timeouts: { finish: "1s" }, triggers: [{ event: "demo/finish" }] },
        async ({ step }) => {
          await step.sleep("long", "1m");
        },
      ),
      client.createFunction(
        {
          id: "start",
          concurrency: 1,
          timeouts: { start: "1s" },
          triggers: [{ event: "demo/start-timeout" }],
        },
        async ({ step }) => {
          await step.run("hog", () => sleep(2000));
        },
      ),
    ]);
    await setup.send("demo/finish");
    await setup.send("demo/start-timeout");
    await sleep(100);
    await setup.send("demo/start-timeout");
    const finish = await onlyRun(setup, "finish", 5000);
    expect(finish.status).toBe("Cancelled");
    const starts = await waitForEndedRuns(setup.engine.url, setup.fnId("start"), 2, 10_000);
    expect(starts.map((run) => run.status).sort()).toEqual(["Cancelled", "Completed"]);
  });

  it("singleton skip drops a new run while one is active; cancel mode replaces it", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "skip", singleton: { mode: "skip" }, triggers: [{ event: "demo/single" }] },
        async ({ step }) => {
          await step.sleep("s", "1s");
        },
      ),
      client.createFunction(
        { id: "replace", singleton: { mode: "cancel" }, triggers: [{ event: "demo/single" }] },
        async ({ step }) => {
          await step.sleep("s", "1s");
        },
      ),
    ]);
    await setup.send("demo/single");
    await sleep(200);
    await setup.send("demo/single");
    const skip = await waitForEndedRuns(setup.engine.url, setup.fnId("skip"), 1, 10_000);
    expect(skip.map((run) => run.status)).toEqual(["Completed"]);
    const replace = await waitForEndedRuns(setup.engine.url, setup.fnId("replace"), 2, 10_000);
    expect(replace.map((run) => run.status).sort()).toEqual(["Cancelled", "Completed"]);
  });

  it("priority orders waiting runs under concurrency 1", async () => {
    const order: string[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        {
          id: "prio",
          concurrency: 1,
          priority: { run: "event.data.prio" },
          triggers: [{ event: "demo/prio" }],
        },
        async ({ step, event }) => {
          await step.run("work", async () => {
            order.push(String(event.data.name));
            await sleep(300);
          });
        },
      ),
    ]);
    await setup.send("demo/prio", { name: "blocker", prio: 0 });
    await sleep(100);
    await setup.send("demo/prio", { name: "low", prio: -100 });
    await setup.send("demo/prio", { name: "high", prio: 100 });
    await waitForEndedRuns(setup.engine.url, setup.fnId("prio"), 3, 10_000);
    expect(order).toEqual(["blocker", "high", "low"]);
  });
});
