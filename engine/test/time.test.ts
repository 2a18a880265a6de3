import { afterEach, describe, expect, it } from "vitest";
import { cleanupAll, getRun, listRuns, onlyRun, setupApp, sleep, waitFor } from "./harness";

afterEach(cleanupAll);

describe("sleeps and waits", () => {
  it("sleeps 2 s without calling the app, resumes with null after ≥ 2 s", async () => {
    const marks: Record<string, number> = {};
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "sleeper", triggers: [{ event: "demo/sleep" }] },
        async ({ step }) => {
          await step.run("before", () => (marks.before = Date.now()));
          const slept = await step.sleep("nap", "2s");
          await step.run("after", () => (marks.after = Date.now()));
          return slept;
        },
      ),
    ]);
    await setup.send("demo/sleep");
    const run = await onlyRun(setup, "sleeper", 15_000);
    expect(run.status).toBe("Completed");
    expect(run.output).toBeNull();
    expect((marks.after ?? 0) - (marks.before ?? 0)).toBeGreaterThanOrEqual(2000);
    const gaps = setup.app.calls.slice(1).map((call, i) => call.at - (setup.app.calls[i]?.at ?? 0));
    // No call while sleeping: exactly one gap spans the sleep.
    expect(gaps.filter((gap) => gap >= 1500)).toHaveLength(1);
  });

  it("sleepUntil a past date resumes immediately", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "past", triggers: [{ event: "demo/past" }] },
        async ({ step }) => {
          await step.sleepUntil("until", new Date(Date.now() - 60_000));
          return "woke";
        },
      ),
    ]);
    const started = Date.now();
    await setup.send("demo/past");
    const run = await onlyRun(setup, "past");
    expect(run.output).toBe("woke");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("waitForEvent returns only the matching event sent after the wait began", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "approval", triggers: [{ event: "demo/request" }] },
        async ({ step }) => {
          const approved = await step.waitForEvent("wait-for-approval", {
            event: "demo/approved",
            timeout: "30s",
            match: "data.id",
          });
          return approved?.data;
        },
      ),
    ]);
    await setup.send("demo/approved", { id: "A", early: true });
    await setup.send("demo/request", { id: "A" });
    await waitFor(async () => {
      const [run] = await listRuns(setup.engine.url, setup.fnId("approval"));
      return run &&
        (await getRun(setup.engine.url, run.run_id)).steps.some((s) => s.op === "WaitForEvent")
        ? true
        : undefined;
    });
    await setup.send("demo/approved", { id: "B" });
    await sleep(300);
    expect((await listRuns(setup.engine.url, setup.fnId("approval")))[0]?.status).toBe("Running");
    await setup.send("demo/approved", { id: "A", right: true });
    const run = await onlyRun(setup, "approval");
    expect(run.output).toEqual({ id: "A", right: true });
  });

  it("waitForEvent with an if expression times out to null", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "timeout", triggers: [{ event: "demo/wait" }] },
        async ({ step }) => {
          const got = await step.waitForEvent("w", {
            event: "demo/never",
            timeout: "1s",
            if: "async.data.n > event.data.n",
          });
          return { got };
        },
      ),
    ]);
    await setup.send("demo/wait", { n: 5 });
    await sleep(200);
    await setup.send("demo/never", { n: 1 });
    const run = await onlyRun(setup, "timeout", 10_000);
    expect(run.output).toEqual({ got: null });
  });

  it("fires a cron trigger as inngest/scheduled.timer (seconds field accepted)", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "ticker", triggers: [{ cron: "TZ=UTC */1 * * * * *" }] },
        async ({ event }) => ({
          name: event.name,
          cron: (event.data as { cron?: string }).cron,
        }),
      ),
    ]);
    const run = await onlyRun(setup, "ticker", 5000);
    expect(run.output).toEqual({ name: "inngest/scheduled.timer", cron: "TZ=UTC */1 * * * * *" });
  });
});
