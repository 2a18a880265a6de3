import { setTimeout as sleep } from "node:timers/promises";
import type { Message } from "@aws-sdk/client-sqs";
import type { ForwardGate } from "./forward-gate";
import type { ForwardOutcome } from "./handle-messages";
import type { WorkerLog } from "./worker-log";

export type PollerDeps = {
  /** One long poll of the main queue for up to `max` messages; aborting the signal abandons it. */
  receive(signal: AbortSignal, max: number): Promise<Message[]>;
  handle(messages: Message[]): Promise<ForwardOutcome>;
  gate: ForwardGate;
  log: WorkerLog;
  /** Longest pause after a failed receive (SQS unreachable). */
  maxErrorBackoffMs?: number;
};

/**
 * One long-polling loop. `lastProgressAt` moves on every receive and every handled batch, so
 * the watchdog can tell a loop that hangs (a stuck connection) from one that waits for messages.
 */
export class Poller {
  lastProgressAt = Date.now();
  restarts = 0;
  private generation = 0;
  private controller = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private isStopping = false;

  constructor(
    readonly name: string,
    private readonly deps: PollerDeps,
  ) {}

  start(): void {
    this.lastProgressAt = Date.now();
    this.running = this.loop(++this.generation, this.controller.signal);
  }

  /**
   * Abandons the current loop and starts a fresh one. Whatever the old loop held becomes
   * visible again after the queue's visibility timeout, so nothing is lost.
   */
  restart(): void {
    if (this.isStopping) return;
    this.restarts++;
    this.controller.abort();
    this.controller = new AbortController();
    this.start();
  }

  /** Stops receiving and waits for the batch in hand to be finished. */
  async stop(): Promise<void> {
    this.isStopping = true;
    this.controller.abort();
    await this.running;
  }

  private async loop(generation: number, signal: AbortSignal): Promise<void> {
    const isCurrent = () => !this.isStopping && generation === this.generation;
    let errorBackoffMs = 0;
    const { gate } = this.deps;
    while (isCurrent()) {
      const { probe } = await gate.pass(signal, () => (this.lastProgressAt = Date.now()));
      if (!isCurrent()) return;
      let messages: Message[];
      try {
        messages = await this.deps.receive(signal, probe ? 1 : 10);
      } catch (error) {
        if (probe) gate.probeInconclusive();
        if (!isCurrent()) return;
        errorBackoffMs = Math.min(
          this.deps.maxErrorBackoffMs ?? 5000,
          Math.max(250, errorBackoffMs * 2),
        );
        this.deps.log.warn(
          `${this.name}: receive failed, retrying in ${errorBackoffMs} ms: ${(error as Error).message}`,
        );
        await sleep(errorBackoffMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      errorBackoffMs = 0;
      // A loop the watchdog gave up on must not touch what it received: the new loop owns the queue.
      if (generation !== this.generation) {
        if (probe) gate.probeInconclusive();
        return;
      }
      this.lastProgressAt = Date.now();
      let outcome: ForwardOutcome = "none";
      try {
        if (messages.length > 0) outcome = await this.deps.handle(messages);
      } catch (error) {
        this.deps.log.error(
          `${this.name}: batch failed, its messages return after the visibility timeout: ${(error as Error).message}`,
        );
      }
      if (outcome === "forwarded") gate.succeeded();
      else if (outcome === "failed") gate.failed();
      else if (probe) gate.probeInconclusive();
      this.lastProgressAt = Date.now();
    }
  }
}

/** Restarts any poller that made no progress for `stallMs`; returns a function that stops it. */
export function startWatchdog(
  pollers: Poller[],
  stallMs: number,
  onRestart: (poller: Poller) => void,
): () => void {
  const timer = setInterval(
    () => {
      for (const poller of pollers) {
        if (Date.now() - poller.lastProgressAt <= stallMs) continue;
        poller.restart();
        onRestart(poller);
      }
    },
    Math.max(50, Math.floor(stallMs / 4)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
