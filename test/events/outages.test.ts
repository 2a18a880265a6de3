import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import {
  publishEvents,
  startFakeEventApi,
  startQueueServices,
  testWorkerConfig,
  uploadedEvent,
  waitUntil,
  type QueueServices,
} from "./support/event-path";

// The issue asks for a 60 s event API outage; EVENTS_OUTAGE_SECONDS shortens it for local runs.
const OUTAGE_MS = Number(process.env.EVENTS_OUTAGE_SECONDS ?? 60) * 1000;

let queue: QueueServices;
let api: Awaited<ReturnType<typeof startFakeEventApi>>;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  queue = await startQueueServices({ maxReceiveCount: 5, visibilityTimeoutSeconds: 60 });
  api = await startFakeEventApi();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  await api?.close();
  await queue?.stop();
});

const delivered = (ids: string[]) => ids.filter((id) => api.received.has(id)).length;

describe("outages", () => {
  it(
    `keeps events in SQS while the event API is down for ${OUTAGE_MS / 1000} s and delivers all of them after`,
    async () => {
      worker = await startWorker(testWorkerConfig(queue.services, queue.queues, api.url));
      api.setMode("down");
      const events = Array.from({ length: 100 }, (_, i) => uploadedEvent(i, "outage"));
      await publishEvents(queue.db, events, 20);
      const downSince = Date.now();
      await waitUntil(
        async () => (await queue.db.outbox.count({ where: { sentAt: null } })) === 0,
        10_000,
        () => "the outbox to drain into SQS",
      );
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - downSince))),
      );
      expect(delivered(events.map((e) => e.id))).toBe(0);
      const metrics = await (await fetch(`${worker.url}/metrics`)).text();
      expect(metrics).toMatch(/selah_worker_messages_failed_total [1-9]/);
      expect(
        (await (await fetch(`${worker.url}/health`)).json()) as { eventApi: string },
      ).toMatchObject({ eventApi: "failing" });

      api.setMode("up");
      await waitUntil(
        () => delivered(events.map((e) => e.id)) === events.length,
        120_000,
        () => `all 100 delivered (have ${delivered(events.map((e) => e.id))})`,
      );
      expect(await listDeadLetters(queue.sqs, queue.queues)).toEqual([]);
    },
    OUTAGE_MS + 180_000,
  );

  it("holds events in the outbox while SQS is unreachable and drains them when it returns", async () => {
    worker = await startWorker(testWorkerConfig(queue.services, queue.queues, api.url));
    const bringBack = await queue.stopAws();
    const events = Array.from({ length: 50 }, (_, i) => uploadedEvent(i, "sqs-down"));
    await publishEvents(queue.db, events, 10);
    await waitUntil(
      async () =>
        (await queue.db.outbox.count({ where: { sentAt: null, attempts: { gt: 0 } } })) ===
        events.length,
      15_000,
      () => "the relay to try and fail",
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(
      await queue.db.outbox.count({
        where: { eventId: { in: events.map((e) => e.id) }, sentAt: null },
      }),
    ).toBe(events.length);
    expect(
      (await queue.db.outbox.findFirst({ where: { eventId: events[0]!.id } }))?.lastError,
    ).toBeTruthy();
    expect(delivered(events.map((e) => e.id))).toBe(0);

    await bringBack();
    await waitUntil(
      () => delivered(events.map((e) => e.id)) === events.length,
      60_000,
      () => `all 50 delivered (have ${delivered(events.map((e) => e.id))})`,
    );
    expect(await queue.db.outbox.count({ where: { sentAt: null } })).toBe(0);
  }, 120_000);
});
