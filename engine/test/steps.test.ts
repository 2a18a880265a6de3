import { createHash } from "node:crypto";
import { referenceFunction } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupAll, listRuns, onlyRun, setupApp, waitForEndedRuns } from "./harness";

afterEach(cleanupAll);

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("steps and memoization", () => {
  it.each([
    { checkpointing: false, calls: 4 },
    { checkpointing: true, calls: 1 },
  ])(
    "runs a 3-step function with each body once, in stack order, attempt 0 throughout (checkpointing $checkpointing)",
    async ({ checkpointing, calls }) => {
      const bodies: string[] = [];
      const attempts: number[] = [];
      const setup = await setupApp(
        (client) => [
          client.createFunction(
            { id: "three", triggers: [{ event: "demo/three" }] },
            async ({ step, attempt }) => {
              attempts.push(attempt);
              const a = await step.run("first-step", () => (bodies.push("a"), "A"));
              const b = await step.run("second-step", () => (bodies.push("b"), a + "B"));
              const c = await step.run("third-step", () => (bodies.push("c"), b + "C"));
              return { c };
            },
          ),
        ],
        { checkpointing },
      );
      await setup.send("demo/three");
      const run = await onlyRun(setup, "three");
      expect(run.status).toBe("Completed");
      expect(run.output).toEqual({ c: "ABC" });
      expect(bodies).toEqual(["a", "b", "c"]);
      expect(attempts.every((a) => a === 0)).toBe(true);
      // Classic: three step calls plus the final one; checkpointing: one call reporting each step.
      expect(setup.app.calls).toHaveLength(calls);
      if (!checkpointing) {
        expect(setup.app.calls.at(-1)?.body.ctx?.stack?.stack).toEqual([
          sha1("first-step"),
          sha1("second-step"),
          sha1("third-step"),
        ]);
      }
      expect(run.steps.map((s) => s.name)).toEqual(["first-step", "second-step", "third-step"]);
      expect(run.steps.map((s) => s.output)).toEqual(["A", "AB", "ABC"]);
    },
  );

  it("memoizes a repeated step id in a loop (item, item:1, item:2)", async () => {
    let executions = 0;
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "loop", triggers: [{ event: "demo/loop" }] },
        async ({ step }) => {
          let total = 0;
          for (let i = 1; i <= 3; i++)
            total += await step.run("item", () => (executions++, i * 10));
          return total;
        },
      ),
    ]);
    await setup.send("demo/loop");
    const run = await onlyRun(setup, "loop");
    expect(run.output).toBe(60);
    expect(executions).toBe(3);
    expect(run.steps.map((s) => s.id)).toEqual([sha1("item"), sha1("item:1"), sha1("item:2")]);
  });

  it.each([
    { checkpointing: false, pattern: "DEEEDD" },
    { checkpointing: true, pattern: "DEEED" },
  ])(
    "runs Promise.all steps each once and resumes with one discovery (checkpointing $checkpointing)",
    async ({ checkpointing, pattern }) => {
      const bodies: string[] = [];
      const setup = await setupApp(
        (client) => [
          client.createFunction(
            { id: "parallel", triggers: [{ event: "demo/parallel" }] },
            async ({ step }) => {
              const [a, b, c] = await Promise.all([
                step.run("a", () => (bodies.push("a"), 1)),
                step.run("b", () => (bodies.push("b"), 2)),
                step.run("c", () => (bodies.push("c"), 3)),
              ]);
              const d = await step.run("d", () => (bodies.push("d"), a + b + c));
              return d;
            },
          ),
        ],
        { checkpointing },
      );
      await setup.send("demo/parallel");
      const run = await onlyRun(setup, "parallel");
      expect(run.output).toBe(6);
      expect(bodies.sort()).toEqual(["a", "b", "c", "d"]);
      const calls = setup.app.calls;
      const executes = calls.filter((call) => call.stepId !== "step");
      expect(executes.map((call) => call.stepId).sort()).toEqual(
        [sha1("a"), sha1("b"), sha1("c")].sort(),
      );
      expect(executes.every((call) => call.body.ctx?.disable_immediate_execution === true)).toBe(
        true,
      );
      // discovery → 3 executes → one discovery that runs d inline → (classic) final discovery.
      expect(calls.map((call) => (call.stepId === "step" ? "D" : "E")).join("")).toBe(pattern);
      expect(calls[4]?.body.ctx?.disable_immediate_execution).toBe(false);
    },
  );

  it("lets the first finisher of a race win without running any body twice", async () => {
    const bodies: string[] = [];
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "race", triggers: [{ event: "demo/race" }] },
        async ({ step, group }) => {
          const winner = await group.parallel({ mode: "race" }, () =>
            Promise.race([
              step.run("fast", () => (bodies.push("fast"), "fast")),
              step.run("slow", async () => {
                bodies.push("slow");
                await new Promise((resolve) => setTimeout(resolve, 400));
                return "slow";
              }),
            ]),
          );
          await step.run("after", () => bodies.push("after"));
          return winner;
        },
      ),
    ]);
    await setup.send("demo/race");
    const run = await onlyRun(setup, "race");
    expect(run.output).toBe("fast");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(bodies.filter((b) => b === "fast")).toHaveLength(1);
    expect(bodies.filter((b) => b === "slow")).toHaveLength(1);
    expect(bodies.filter((b) => b === "after")).toHaveLength(1);
  });

  it("step.sendEvent triggers another function, returns ids and is not re-sent on replay", async () => {
    let received = 0;
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "sender", triggers: [{ event: "demo/send" }] },
        async ({ step }) => {
          const sent = await step.sendEvent("send-welcome", {
            name: "demo/welcome",
            data: { who: "ann" },
          });
          await step.run("after", () => "x");
          return sent;
        },
      ),
      client.createFunction(
        { id: "receiver", triggers: [{ event: "demo/welcome" }] },
        async ({ event }) => {
          received++;
          return event.data.who;
        },
      ),
    ]);
    await setup.send("demo/send");
    const run = await onlyRun(setup, "sender");
    const output = run.output as { ids: string[] };
    expect(output.ids).toHaveLength(1);
    const [receiverRun] = await waitForEndedRuns(setup.engine.url, setup.fnId("receiver"));
    expect(receiverRun?.output).toBe("ann");
    expect(received).toBe(1);
    expect(await listRuns(setup.engine.url, setup.fnId("receiver"))).toHaveLength(1);
  });

  it("step.invoke returns the child's value; a failing child makes the step throw", async () => {
    const setup = await setupApp((client) => {
      const child = client.createFunction({ id: "child", retries: 0 }, async ({ event }) => {
        const data = event.data as { fail?: boolean; n: number };
        if (data.fail) throw new Error("child broke");
        return { doubled: data.n * 2 };
      });
      const parent = client.createFunction(
        { id: "parent", triggers: [{ event: "demo/invoke" }] },
        async ({ step }) => {
          const ok = await step.invoke("call-child", { function: child, data: { n: 21 } });
          let failure = "";
          try {
            await step.invoke("call-child-fail", { function: child, data: { n: 1, fail: true } });
          } catch (error) {
            failure = (error as Error).message;
          }
          return { ok, failure };
        },
      );
      return [child, parent];
    });
    await setup.send("demo/invoke");
    const run = await onlyRun(setup, "parent");
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ ok: { doubled: 42 }, failure: "child broke" });
    const children = await listRuns(setup.engine.url, setup.fnId("child"));
    expect(children.map((c) => c.status).sort()).toEqual(["Completed", "Failed"]);
  });

  it("step.invoke of an unknown function fails the step with a clear error", async () => {
    const setup = await setupApp((client) => [
      client.createFunction(
        { id: "lost", triggers: [{ event: "demo/lost" }] },
        async ({ step }) => {
          try {
            await step.invoke("call-ghost", {
              function: referenceFunction({ functionId: "ghost" }),
              data: {},
            });
            return "invoked";
          } catch (error) {
            return (error as Error).message;
          }
        },
      ),
    ]);
    await setup.send("demo/lost");
    const run = await onlyRun(setup, "lost");
    expect(run.output).toBe("could not find function with ID: test-app-ghost");
  });

  it("step.invoke times out to InngestInvokeTimeoutError", async () => {
    const setup = await setupApp((client) => {
      const child = client.createFunction({ id: "slow-child" }, async ({ step }) => {
        await step.sleep("long", "1m");
      });
      const parent = client.createFunction(
        { id: "impatient", triggers: [{ event: "demo/impatient" }] },
        async ({ step }) => {
          try {
            await step.invoke("call", { function: child, data: {}, timeout: "1s" });
            return "no timeout";
          } catch (error) {
            return (error as Error).name + ": " + (error as Error).message;
          }
        },
      );
      return [child, parent];
    });
    await setup.send("demo/impatient");
    const run = await onlyRun(setup, "impatient", 10_000);
    expect(String(run.output)).toContain("Timed out waiting for invoked function to complete");
  });
});
