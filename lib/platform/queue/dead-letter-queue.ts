import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import { AppError } from "@/lib/platform/errors/app-error";
import { deadLetterAttributes } from "./dead-letter";

export type DeadLetterQueues = { mainQueueUrl: string; deadLetterQueueUrl: string };

export type DeadLetterSummary = {
  messageId: string;
  /** Why it is here: the worker's reason, or SQS's redrive policy after repeated failures. */
  reason: string;
  deadLetteredAt: string | null;
  eventName: string | null;
  eventId: string | null;
  /** The event's sermon, when its data names one. */
  sermonId: string | null;
  /** SQS's ApproximateReceiveCount: listings (this one too) receive the message as well. */
  receiveCount: number | null;
  /** When the message was sent to the DLQ (SQS's SentTimestamp), ISO. */
  sentAt: string | null;
  body: string;
};

export class DeadLetterNotFoundError extends AppError {
  override name = "DeadLetterNotFoundError";
  constructor(readonly messageId: string) {
    super("not_found", `No message ${messageId} in the dead-letter queue.`);
  }
}

// SQS has no peek: reading means receiving. Messages are held this long while an operation
// walks the queue, then released (or deleted), so a walk never sees one message twice.
const HOLD_SECONDS = 60;
// Released messages reappear after this. Not 0: fauxqs 2.4 with persistence drops a message
// whose visibility is set to 0 (its SQLite update violates a NOT NULL constraint).
export const RELEASE_SECONDS = 1;
const MAX_MESSAGES = 1000;

/** Lists up to `limit` DLQ messages without removing them. */
export async function listDeadLetters(
  sqs: SQSClient,
  queues: DeadLetterQueues,
  limit = 100,
): Promise<DeadLetterSummary[]> {
  const held = await holdAll(sqs, queues.deadLetterQueueUrl, Math.min(limit, MAX_MESSAGES));
  await release(sqs, queues.deadLetterQueueUrl, held);
  return held.map(summarise);
}

export async function showDeadLetter(
  sqs: SQSClient,
  queues: DeadLetterQueues,
  messageId: string,
): Promise<DeadLetterSummary> {
  const found = (await listDeadLetters(sqs, queues, MAX_MESSAGES)).find(
    (letter) => letter.messageId === messageId,
  );
  if (!found) throw new DeadLetterNotFoundError(messageId);
  return found;
}

/**
 * Sends DLQ messages back to the main queue, once each: receive from the DLQ, send the body to
 * the main queue, then delete it from the DLQ (fauxqs has no StartMessageMoveTask). A crash
 * between send and delete leaves a copy in both; the event id makes the second delivery a no-op.
 */
export async function redriveDeadLetters(
  sqs: SQSClient,
  queues: DeadLetterQueues,
  which: { all: true } | { messageIds: string[] },
): Promise<{ redriven: string[]; notFound: string[] }> {
  const wanted = "messageIds" in which ? new Set(which.messageIds) : undefined;
  const held = await holdAll(sqs, queues.deadLetterQueueUrl, MAX_MESSAGES);
  const chosen = held.filter((message) => !wanted || wanted.has(message.MessageId ?? ""));
  const others = held.filter((message) => !chosen.includes(message));
  const redriven: Message[] = [];
  try {
    for (const message of chosen) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queues.mainQueueUrl, MessageBody: message.Body ?? "" }),
      );
      redriven.push(message);
    }
  } finally {
    await remove(sqs, queues.deadLetterQueueUrl, redriven);
    await release(sqs, queues.deadLetterQueueUrl, [
      ...others,
      ...chosen.filter((message) => !redriven.includes(message)),
    ]);
  }
  const ids = redriven.map((message) => message.MessageId ?? "");
  return { redriven: ids, notFound: wanted ? [...wanted].filter((id) => !ids.includes(id)) : [] };
}

/** Deletes one DLQ message for good (the operator decided it is not worth redriving). */
export async function deleteDeadLetter(
  sqs: SQSClient,
  queues: DeadLetterQueues,
  messageId: string,
): Promise<void> {
  const held = await holdAll(sqs, queues.deadLetterQueueUrl, MAX_MESSAGES);
  const chosen = held.filter((message) => message.MessageId === messageId);
  try {
    if (chosen.length === 0) throw new DeadLetterNotFoundError(messageId);
    await remove(sqs, queues.deadLetterQueueUrl, chosen);
  } finally {
    await release(
      sqs,
      queues.deadLetterQueueUrl,
      held.filter((message) => !chosen.includes(message)),
    );
  }
}

/** Deletes every DLQ message; returns how many. */
export async function purgeDeadLetters(sqs: SQSClient, queues: DeadLetterQueues): Promise<number> {
  let total = 0;
  for (;;) {
    const held = await holdAll(sqs, queues.deadLetterQueueUrl, MAX_MESSAGES);
    if (held.length === 0) return total;
    await remove(sqs, queues.deadLetterQueueUrl, held);
    total += held.length;
  }
}

async function holdAll(sqs: SQSClient, queueUrl: string, limit: number): Promise<Message[]> {
  const held = new Map<string, Message>();
  while (held.size < limit) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(10, limit - held.size),
        VisibilityTimeout: HOLD_SECONDS,
        // Waits past RELEASE_SECONDS, so messages another walk just released are seen too.
        WaitTimeSeconds: RELEASE_SECONDS + 1,
        MessageAttributeNames: ["All"],
        MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
      }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) held.set(message.MessageId ?? "", message);
  }
  return [...held.values()];
}

async function release(sqs: SQSClient, queueUrl: string, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.slice(i, i + 10).map((message, n) => ({
          Id: `r${n}`,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: RELEASE_SECONDS,
        })),
      }),
    );
  }
}

async function remove(sqs: SQSClient, queueUrl: string, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages
          .slice(i, i + 10)
          .map((message, n) => ({ Id: `d${n}`, ReceiptHandle: message.ReceiptHandle })),
      }),
    );
  }
}

function summarise(message: Message): DeadLetterSummary {
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue ?? null;
  const body = message.Body ?? "";
  let event: { name?: unknown; id?: unknown; data?: { sermonId?: unknown } } = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") event = parsed as typeof event;
  } catch {
    // Malformed bodies are listed as they are.
  }
  return {
    messageId: message.MessageId ?? "",
    reason:
      attribute(deadLetterAttributes.reason) ??
      "failed repeatedly (moved by the queue's redrive policy after maxReceiveCount receives)",
    deadLetteredAt: attribute(deadLetterAttributes.deadLetteredAt),
    eventName: typeof event.name === "string" ? event.name : null,
    eventId: typeof event.id === "string" ? event.id : null,
    sermonId: typeof event.data?.sermonId === "string" ? event.data.sermonId : null,
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount) || null,
    sentAt: sentAtOf(message.Attributes?.SentTimestamp),
    body,
  };
}

function sentAtOf(timestamp: string | undefined): string | null {
  const ms = Number(timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}
