import { ReceiveMessageCommand, SendMessageCommand, type Message } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listDeadLetters,
  purgeDeadLetters,
  redriveDeadLetters,
  showDeadLetter,
} from "@/lib/platform/queue/dead-letter-queue";
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

describe("dead letters", () => {
  it("puts one malformed message among 100 good ones in the DLQ with its reason within 5 s; the 100 arrive", async () => {
    const events = Array.from({ length: 100 }, (_, i) => uploadedEvent(i, "good"));
    const publishing = publishEvents(queue.db, events, 10);
    const poison = JSON.stringify({
      id: "x",
      name: "sermon/uploaded",
      data: { sermonId: "s" },
      ts: Date.now(),
    });
    const { MessageId } = await queue.sqs.send(
      new SendMessageCommand({ QueueUrl: queue.queues.mainQueueUrl, MessageBody: poison }),
    );
    const sentAt = Date.now();
    let letter: Message | undefined;
    while (!letter && Date.now() - sentAt < 5000) {
      const { Messages } = await queue.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.queues.deadLetterQueueUrl,
          WaitTimeSeconds: 1,
          VisibilityTimeout: 1,
          MessageAttributeNames: ["All"],
        }),
      );
      letter = Messages?.[0];
    }
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(letter?.Body).toBe(poison);
    expect(letter?.MessageAttributes?.DeadLetterReason?.StringValue).toMatch(
      /^sermon\/uploaded data: churchId: /,
    );
    expect(letter?.MessageAttributes?.SourceMessageId?.StringValue).toBe(MessageId);
    const letters = await listDeadLetters(queue.sqs, queue.queues);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ body: poison, eventName: "sermon/uploaded", eventId: "x" });
    await publishing;
    await engine.recorder.waitForRuns(100, 60_000);
    expect(engine.recorder.duplicates()).toEqual([]);
    const main = await queue.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.queues.mainQueueUrl, WaitTimeSeconds: 0 }),
    );
    expect(main.Messages ?? []).toEqual([]);
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    expect(metrics).toContain('selah_worker_messages_dead_lettered_total{cause="malformed"} 1');
    // Depths come from readQueueDepths, as on /operator: the letter (held by the listing above or not).
    expect(metrics).toContain('selah_worker_queue_depth{queue="dead_letter"} 1');
    expect(metrics).toContain('selah_worker_queue_depth{queue="main"} 0');
    expect(metrics).toContain("selah_worker_outbox_backlog 0");
  }, 120_000);

  it("redrives a dead letter to the main queue, where it is delivered exactly once", async () => {
    await purgeDeadLetters(queue.sqs, queue.queues);
    // A good event that failed for good in the past: as SQS would have moved it, by hand.
    const event = uploadedEvent(1, "redrive");
    await queue.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.queues.deadLetterQueueUrl,
        MessageBody: JSON.stringify({ ...event, ts: Date.now() }),
      }),
    );
    const other = await queue.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.queues.deadLetterQueueUrl,
        MessageBody: "not json",
      }),
    );
    const [letter] = (await listDeadLetters(queue.sqs, queue.queues)).filter(
      (l) => l.eventId === event.id,
    );
    expect(letter?.reason).toMatch(/redrive policy/);
    expect((await showDeadLetter(queue.sqs, queue.queues, letter!.messageId)).body).toContain(
      event.id,
    );

    const result = await redriveDeadLetters(queue.sqs, queue.queues, {
      messageIds: [letter!.messageId, "missing"],
    });
    expect(result).toEqual({ redriven: [letter!.messageId], notFound: ["missing"] });
    await engine.recorder.waitForRuns(101, 45_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(engine.recorder.runsByEvent.get(event.id)?.size).toBe(1);
    expect(engine.recorder.runs).toBe(101);
    // Only the malformed one is left, and it can be purged.
    expect((await listDeadLetters(queue.sqs, queue.queues)).map((l) => l.messageId)).toEqual([
      other.MessageId,
    ]);
    expect(await purgeDeadLetters(queue.sqs, queue.queues)).toBe(1);
    expect(await listDeadLetters(queue.sqs, queue.queues)).toEqual([]);
  }, 90_000);
});
