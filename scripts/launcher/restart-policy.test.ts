import { describe, expect, it } from "vitest";
import { defaultRestartPolicy, RestartBackoff } from "./restart-policy";

const quick = 1_000; // a run that crashed after a second: not stable

describe("RestartBackoff with the default policy", () => {
  it("waits 0.5 s, then doubles up to 30 s", () => {
    const backoff = new RestartBackoff();
    const delays: number[] = [];
    // One crash every 30 s stays under five within two minutes.
    for (let i = 0; i < 10; i++) {
      const decision = backoff.crashed(i * 30_000, quick);
      if (decision.action === "restart") delays.push(decision.delayMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it("starts over at 0.5 s after a run of a minute or more", () => {
    const backoff = new RestartBackoff();
    expect(backoff.crashed(0, quick)).toMatchObject({ delayMs: 500 });
    expect(backoff.crashed(10_000, quick)).toMatchObject({ delayMs: 1000 });
    expect(backoff.crashed(20_000, quick)).toMatchObject({ delayMs: 2000 });
    expect(backoff.crashed(100_000, 60_000)).toMatchObject({ delayMs: 500 });
    expect(backoff.crashed(125_000, quick)).toMatchObject({ delayMs: 1000 });
  });

  it("gives up on the fifth crash within two minutes", () => {
    const backoff = new RestartBackoff();
    const decisions = [0, 1, 3, 7, 15].map((second) => backoff.crashed(second * 1000, quick));
    expect(decisions.slice(0, 4).map((d) => d.action)).toEqual([
      "restart",
      "restart",
      "restart",
      "restart",
    ]);
    expect(decisions[4]).toEqual({ action: "give-up", crashesInWindow: 5 });
  });

  it("forgets crashes older than two minutes", () => {
    const backoff = new RestartBackoff();
    for (const second of [0, 10, 20, 30]) backoff.crashed(second * 1000, quick);
    // 125 s: the crash at 0 s has left the window, so this is the fourth within it.
    expect(backoff.crashed(125_000, quick)).toMatchObject({
      action: "restart",
      crashesInWindow: 4,
    });
    expect(backoff.crashed(126_000, quick)).toMatchObject({
      action: "give-up",
      crashesInWindow: 5,
    });
  });

  it("is the documented policy", () => {
    expect(defaultRestartPolicy).toEqual({
      initialDelayMs: 500,
      maxDelayMs: 30_000,
      stableAfterMs: 60_000,
      maxCrashes: 5,
      crashWindowMs: 120_000,
    });
  });
});
