import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "@/worker/start-worker";
import {
  publishEvents,
  spawnWorker,
  startEngineWithRecorder,
  startFakeEventApi,
  startQueueServices,
  testWorkerConfig,
  traceMissing,
  uploadedEvent,
  waitUntil,
  workerEnvFor,
  type QueueServices,
  type WorkerProcess,
} from "./support/event-path";

// Short visibility timeout: what a killed worker held comes back within seconds.
let queue: QueueServices;
beforeAll(async () => {
  queue = await startQueueServices({ maxReceiveCount: 50, visibilityTimeoutSeconds: 4 });
});
afterAll(() => queue?.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the worker as a process", () => {
  it("exits cleanly on SIGTERM in the middle of a batch, losing nothing", async () => {
    const api = await startFakeEventApi({ delayMs: 1500 });
    const config = testWorkerConfig(queue.services, queue.queues, api.url, { pollers: 2 });
    try {
      const events = Array.from({ length: 60 }, (_, i) => uploadedEvent(i, "sigterm"));
      const worker = await spawnWorker(workerEnvFor(config));
      await publishEvents(queue.db, events, 20);
      await waitUntil(
        () => api.requestsStarted > 0,
        15_000,
        () => "a forward in flight",
      );
      const stoppedAt = Date.now();
      worker.child.kill("SIGTERM");
      const { code } = await worker.exited;
      expect(code).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(30_000);

      const next = await startWorker(config);
      try {
        await waitUntil(
          () => events.every((e) => api.received.has(e.id)),
          60_000,
          () => `all 60 delivered (have ${events.filter((e) => api.received.has(e.id)).length})`,
        );
      } finally {
        await next.stop();
      }
    } finally {
      await api.close();
    }
  }, 120_000);

  it("loses nothing and starts no run twice while the worker is SIGKILLed and restarted 5 times", async () => {
    const engine = await startEngineWithRecorder();
    const config = testWorkerConfig(queue.services, queue.queues, engine.engine.url);
    let worker: WorkerProcess | undefined;
    try {
      const events = Array.from({ length: 2000 }, (_, i) => uploadedEvent(i, "sigkill"));
      worker = await spawnWorker(workerEnvFor(config));
      const publishing = (async () => {
        for (let i = 0; i < events.length; i += 100) {
          await publishEvents(queue.db, events.slice(i, i + 100));
          await sleep(300);
        }
      })();
      for (let kill = 0; kill < 5; kill++) {
        await sleep(1000 + Math.random() * 2500);
        worker.child.kill("SIGKILL");
        await worker.exited;
        worker = await spawnWorker(workerEnvFor(config));
      }
      await publishing;
      await engine.recorder.waitForRuns(events.length, 200_000).catch(async (error: Error) => {
        const missing = events
          .filter((e) => !engine.recorder.runsByEvent.has(e.id))
          .map((e) => e.id);
        throw new Error(
          `${error.message}\n${await traceMissing(queue.db, engine.engine.url, missing)}`,
        );
      });
      await sleep(2000);
      expect(engine.recorder.runs).toBe(events.length);
      expect(engine.recorder.duplicates()).toEqual([]);
      expect(events.every((e) => engine.recorder.runsByEvent.has(e.id))).toBe(true);
    } finally {
      worker?.child.kill("SIGTERM");
      await worker?.exited;
      await engine.stop();
    }
  }, 320_000);
});
