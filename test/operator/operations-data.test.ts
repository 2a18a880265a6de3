/**
 * The figures and lists behind the operator pages, against real components: queue depths from
 * fauxqs's GetQueueAttributes with real messages in both queues, the outbox backlog in PGlite,
 * the DLQ listing with reasons and sermons, and a redrive and a delete through the data functions.
 */
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnvSchema } from "@/lib/platform/config/server-env";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { sendToDeadLetterQueue } from "@/lib/platform/queue/dead-letter";
import { deleteDeadLetter, redriveDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { readQueueDepths } from "@/lib/platform/queue/queue-depths";
import { readOutboxBacklog } from "@/lib/pipeline/events/outbox-backlog";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { listDeadLettersForOperator } from "@/lib/pipeline/operations/dead-letters-view";
import { loadOperationsOverview } from "@/lib/pipeline/operations/operations-overview";
import { startQueueServices, type QueueServices } from "@/test/events/support/event-path";

let queue: QueueServices;
let churchId: string;
let sermonId: string;

const send = (queueUrl: string, body: string) =>
  queue.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

beforeAll(async () => {
  queue = await startQueueServices();
  churchId = (await queue.db.church.create({ data: { slug: "grace", name: "Grace Chapel" } })).id;
  sermonId = (
    await queue.db.sermon.create({
      data: { churchId, slug: "hope", title: "Living Hope", status: "processing", mediaVersion: 1 },
    })
  ).id;
}, 60_000);
afterAll(() => queue?.stop());

const uploaded = (id: string) =>
  sermonUploaded.build({ sermonId: id, churchId: "c1", mediaVersion: 1, objectKey: "k" });

describe("queue depths and the outbox backlog", () => {
  it("count what is in each queue and what waits in the outbox", async () => {
    expect(await readQueueDepths(queue.sqs, queue.queues)).toEqual({
      main: { waiting: 0, inFlight: 0, delayed: 0 },
      deadLetter: { waiting: 0, inFlight: 0, delayed: 0 },
    });
    expect(await readOutboxBacklog(queue.db)).toEqual({
      unsent: 0,
      oldestCreatedAt: null,
      failing: 0,
      lastError: null,
    });

    for (let i = 0; i < 3; i++) await send(queue.queues.mainQueueUrl, `{"n":${i}}`);
    await send(queue.queues.deadLetterQueueUrl, "not json");
    await publishEvent(queue.db, [uploaded("a"), uploaded("b")]);
    await queue.db.outbox.update({
      where: { eventId: uploaded("a").id },
      data: { createdAt: new Date(Date.now() - 90_000), attempts: 2, lastError: "SQS: throttled" },
    });

    expect(await readQueueDepths(queue.sqs, queue.queues)).toEqual({
      main: { waiting: 3, inFlight: 0, delayed: 0 },
      deadLetter: { waiting: 1, inFlight: 0, delayed: 0 },
    });
    const backlog = await readOutboxBacklog(queue.db);
    expect(backlog).toMatchObject({ unsent: 2, failing: 1, lastError: "SQS: throttled" });
    expect(Date.now() - backlog.oldestCreatedAt!.getTime()).toBeGreaterThanOrEqual(90_000);

    // The overview carries the same figures beside the health checks, each read on its own.
    const env = parseEnv(serverEnvSchema, {
      DATABASE_URL: queue.services.database.url,
      BETTER_AUTH_SECRET: "s".repeat(40),
      SQS_ENDPOINT: queue.services.aws.endpoint,
      S3_ENDPOINT: queue.services.aws.endpoint,
      SQS_QUEUE_URL: queue.queues.mainQueueUrl,
      SQS_DLQ_URL: queue.queues.deadLetterQueueUrl,
      // Nothing listens there: the engine is reported unreachable, nothing else is hidden.
      INNGEST_DEV: "http://127.0.0.1:9",
    });
    const overview = await loadOperationsOverview(env, queue.db);
    expect(overview.queues).toEqual({
      ok: true,
      value: {
        main: expect.objectContaining({ waiting: 3 }),
        deadLetter: expect.objectContaining({ waiting: 1 }),
      },
    });
    expect(overview.outbox).toMatchObject({ ok: true, value: { unsent: 2 } });
    expect(overview.health.dependencies.queue?.status).toBe("up");
    expect(overview.health.dependencies.workflowEngine?.status).toBe("down");
    expect(overview.engine).toEqual({ kind: "unreachable" });
  }, 60_000);
});

describe("the dead-letter queue through the data functions", () => {
  it("lists each message's reason, event, sermon and age; redrives one and deletes another", async () => {
    const event = sermonUploaded.build({ sermonId, churchId, mediaVersion: 1, objectKey: "k" });
    await sendToDeadLetterQueue(queue.sqs, queue.queues.deadLetterQueueUrl, {
      body: JSON.stringify({ ...event, ts: Date.now() }),
      reason: "The event API refused the event: 400 bad request",
      sourceMessageId: "m-1",
    });
    const letters = await listDeadLettersForOperator(queue.sqs, queue.queues, 100, queue.db);
    expect(letters).toHaveLength(2);
    const ours = letters.find((letter) => letter.eventId === event.id)!;
    expect(ours).toMatchObject({
      eventName: "sermon/uploaded",
      reason: "The event API refused the event: 400 bad request",
      sermon: {
        id: sermonId,
        title: "Living Hope",
        church: { slug: "grace", name: "Grace Chapel" },
      },
    });
    expect(ours.receiveCount).toBeGreaterThanOrEqual(1);
    expect(Date.now() - ours.since!.getTime()).toBeLessThan(60_000);
    const unreadable = letters.find((letter) => letter !== ours)!;
    expect(unreadable).toMatchObject({
      eventName: null,
      sermon: null,
      bodyPreview: "not json",
      reason: expect.stringMatching(/failed repeatedly/),
    });

    const mainBefore = (await readQueueDepths(queue.sqs, queue.queues)).main.waiting;
    expect(
      await redriveDeadLetters(queue.sqs, queue.queues, { messageIds: [ours.messageId] }),
    ).toEqual({
      redriven: [ours.messageId],
      notFound: [],
    });
    await deleteDeadLetter(queue.sqs, queue.queues, unreadable.messageId);
    await expect(
      deleteDeadLetter(queue.sqs, queue.queues, unreadable.messageId),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await listDeadLettersForOperator(queue.sqs, queue.queues, 100, queue.db)).toEqual([]);
    // The redriven one is back on the main queue; the deleted one is nowhere.
    expect((await readQueueDepths(queue.sqs, queue.queues)).main.waiting).toBe(mainBefore + 1);
  }, 60_000);
});
