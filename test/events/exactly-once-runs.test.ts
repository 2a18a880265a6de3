import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneSentOutbox } from "@/lib/pipeline/events/prune-sent-outbox";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import {
  publishEvents,
  startEngineWithRecorder,
  startQueueServices,
  testWorkerConfig,
  uploadedEvent,
  type QueueServices,
} from "./support/event-path";

let queue: QueueServices;
let engine: Awaited<ReturnType<typeof startEngineWithRecorder>>;
let worker: RunningWorker;

beforeAll(async () => {
  queue = await startQueueServices();
  engine = await startEngineWithRecorder();
  worker = await startWorker(testWorkerConfig(queue.services, queue.queues, engine.engine.url));
});
afterAll(async () => {
  await worker?.stop();
  await engine?.stop();
  await queue?.stop();
});

describe("outbox → SQS → worker → engine", () => {
  it("1,000 published events start exactly 1,000 runs, each once", async () => {
    const events = Array.from({ length: 1000 }, (_, i) => uploadedEvent(i));
    await publishEvents(queue.db, events);
    await engine.recorder.waitForRuns(1000, 150_000);
    // Give stragglers (a duplicate delivery) time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(engine.recorder.runs).toBe(1000);
    expect(engine.recorder.duplicates()).toEqual([]);
    expect(new Set(engine.recorder.runsByEvent.keys())).toEqual(
      new Set(events.map((event) => event.id)),
    );
    expect(await queue.db.outbox.count({ where: { sentAt: null } })).toBe(0);
  }, 200_000);

  it("publishing the same event again is a duplicate, not a second run", async () => {
    const again = uploadedEvent(7);
    await publishEvents(queue.db, [again]);
    expect(await queue.db.outbox.count({ where: { eventId: again.id } })).toBe(1);
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    expect(metrics).toMatch(/selah_worker_messages_forwarded_total \d+/);
    expect(engine.recorder.runsByEvent.get(again.id)?.size).toBe(1);
  });

  it("prunes sent outbox rows past retention, in chunks, and never an unsent one", async () => {
    await worker.stop();
    const unsent = uploadedEvent(1, "unsent");
    await publishEvents(queue.db, [unsent]);
    const sent = await queue.db.outbox.count({ where: { sentAt: { not: null } } });
    expect(await pruneSentOutbox(queue.db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await pruneSentOutbox(queue.db, new Date(Date.now() + 60_000), 400)).toBe(400);
    expect(await queue.db.outbox.count({ where: { sentAt: { not: null } } })).toBe(sent - 400);
    while ((await pruneSentOutbox(queue.db, new Date(Date.now() + 60_000), 400)) > 0);
    expect(await queue.db.outbox.findMany({ select: { eventId: true } })).toEqual([
      { eventId: unsent.id },
    ]);
  });
});
