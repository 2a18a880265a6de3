import { describe, expect, it } from "vitest";
import { ForwardGate } from "./forward-gate";

const never = new AbortController().signal;
const noop = () => undefined;

describe("ForwardGate", () => {
  it("lets every poller through while the event API works", async () => {
    const gate = new ForwardGate(10_000);
    expect(await gate.pass(never, noop)).toEqual({ probe: false });
    expect(gate.isOpen).toBe(false);
  });

  it("after a failure pauses polling, then lets exactly one poller probe; success reopens it for all", async () => {
    const gate = new ForwardGate(10_000);
    gate.failed();
    expect(gate.isOpen).toBe(true);
    const started = Date.now();
    let waits = 0;
    const first = await gate.pass(never, () => waits++);
    expect(first).toEqual({ probe: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(waits).toBeGreaterThan(0);

    let secondDone = false;
    const second = gate.pass(never, noop).then((result) => {
      secondDone = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);
    gate.succeeded();
    expect(await second).toEqual({ probe: false });
  });

  it("doubles the pause on each failure, up to the cap", async () => {
    const gate = new ForwardGate(1500);
    gate.failed();
    gate.failed();
    gate.failed(); // 4 s uncapped, 1.5 s capped
    const started = Date.now();
    expect(await gate.pass(never, noop)).toEqual({ probe: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("stops waiting when the poller is stopped", async () => {
    const gate = new ForwardGate(60_000);
    gate.failed();
    gate.failed();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    expect(await gate.pass(stop.signal, noop)).toEqual({ probe: false });
  });
});
