import type { Message } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { ForwardGate } from "./forward-gate";
import { Poller, startWatchdog } from "./poller";
import { silentLog } from "./worker-log";

const message = (id: string): Message => ({ MessageId: id, ReceiptHandle: id, Body: "{}" });

describe("Poller and watchdog", () => {
  it("restarts a poller whose receive hangs, and the fresh loop carries on", async () => {
    let receives = 0;
    const handled: string[] = [];
    const poller = new Poller("p", {
      // The first receive hangs forever (a stuck connection); then one message, then empty long polls.
      receive: async () => {
        receives++;
        if (receives === 1) return new Promise<Message[]>(() => undefined);
        if (receives === 2) return [message("m1")];
        await new Promise((resolve) => setTimeout(resolve, 50));
        return [];
      },
      handle: async (messages) => {
        handled.push(...messages.map((m) => m.MessageId!));
        return "forwarded";
      },
      gate: new ForwardGate(1000),
      log: silentLog,
    });
    const restarted: string[] = [];
    poller.start();
    const stopWatchdog = startWatchdog([poller], 200, (p) => restarted.push(p.name));
    await new Promise((resolve) => setTimeout(resolve, 700));
    stopWatchdog();
    expect(restarted).toEqual(["p"]);
    expect(poller.restarts).toBe(1);
    expect(handled).toEqual(["m1"]);
    await poller.stop();
  });

  it("on stop, finishes the batch in hand before resolving", async () => {
    let finished = false;
    let received = false;
    const poller = new Poller("p", {
      receive: async (signal) => {
        if (received)
          return new Promise<Message[]>((resolve) =>
            signal.addEventListener("abort", () => resolve([])),
          );
        received = true;
        return [message("m1")];
      },
      handle: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
        return "forwarded";
      },
      gate: new ForwardGate(1000),
      log: silentLog,
    });
    poller.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await poller.stop();
    expect(finished).toBe(true);
  });
});
