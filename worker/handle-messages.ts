import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { EventEnvelope } from "@/lib/pipeline/events/pipeline-events";
import {
  InvalidEventMessageError,
  parseEventMessage,
} from "@/lib/pipeline/events/parse-event-message";
import { sendToDeadLetterQueue } from "@/lib/platform/queue/dead-letter";
import { TRACEPARENT_ATTRIBUTE } from "@/lib/pipeline/events/outbox-relay";
import {
  contextOfTraceparent,
  currentTraceparent,
  selahTracer,
} from "@/lib/platform/telemetry/trace-context";
import { SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { RejectedEventsError, type ForwardEvents } from "./event-forwarder";
import type { WorkerLog } from "./worker-log";
import type { WorkerMetrics } from "./worker-metrics";

export type MessageHandlerDeps = {
  sqs: SQSClient;
  mainQueueUrl: string;
  deadLetterQueueUrl: string;
  forward: ForwardEvents;
  /** Redelivery delay after the n-th failed receive: base · 2^(n-1), capped. */
  retry: { baseSeconds: number; maxSeconds: number };
  metrics: WorkerMetrics;
  log: WorkerLog;
};

/** Whether the event API took anything from this batch; drives the ForwardGate. */
export type ForwardOutcome = "forwarded" | "failed" | "none";

type Valid = { message: Message; event: EventEnvelope & { traceparent?: string } };
type Dead = { message: Message; reason: string; cause: "malformed" | "rejected" };

/**
 * Handles one received batch: malformed messages go to the DLQ at once with their reason;
 * valid events are forwarded together and deleted only after the event API acknowledged them;
 * on a transient failure they stay in the queue and come back after an exponential backoff
 * (SQS moves them to the DLQ after maxReceiveCount receives).
 */
export async function handleMessages(
  deps: MessageHandlerDeps,
  messages: Message[],
): Promise<ForwardOutcome> {
  deps.metrics.received.inc(messages.length);
  const valid: Valid[] = [];
  const dead: Dead[] = [];
  for (const message of messages) {
    try {
      valid.push({ message, event: parseEventMessage(message.Body) });
    } catch (error) {
      if (!(error instanceof InvalidEventMessageError)) throw error;
      dead.push({ message, reason: error.reason, cause: "malformed" });
    }
  }

  const spans = valid.map(startForwardSpan);
  const { acknowledged, rejected, retry } = await forwardAll(deps, valid);
  endForwardSpans(spans, acknowledged);
  dead.push(...rejected);
  const deadLettered = await deadLetter(deps, dead);
  await deleteMessages(deps, [...acknowledged, ...deadLettered]);
  await retryLater(deps, retry);
  return acknowledged.length > 0 ? "forwarded" : retry.length > 0 ? "failed" : "none";
}

async function forwardAll(
  deps: MessageHandlerDeps,
  items: Valid[],
): Promise<{ acknowledged: Message[]; rejected: Dead[]; retry: Message[] }> {
  if (items.length === 0) return { acknowledged: [], rejected: [], retry: [] };
  const started = performance.now();
  try {
    await deps.forward(items.map((item) => item.event));
  } catch (error) {
    if (error instanceof RejectedEventsError && items.length > 1) {
      // One bad event fails the whole request: find it by sending each on its own.
      const parts = await Promise.all(items.map((item) => forwardAll(deps, [item])));
      return {
        acknowledged: parts.flatMap((part) => part.acknowledged),
        rejected: parts.flatMap((part) => part.rejected),
        retry: parts.flatMap((part) => part.retry),
      };
    }
    if (error instanceof RejectedEventsError) {
      return {
        acknowledged: [],
        rejected: [
          {
            message: items[0]!.message,
            reason: `event API rejected it: ${error.message}`,
            cause: "rejected",
          },
        ],
        retry: [],
      };
    }
    deps.metrics.failed.inc(items.length);
    deps.log.warn(
      `forward of ${items.length} event(s) failed, will retry: ${(error as Error).message}`,
    );
    return { acknowledged: [], rejected: [], retry: items.map((item) => item.message) };
  }
  const now = Date.now();
  deps.metrics.forwardSeconds.observe((performance.now() - started) / 1000);
  deps.metrics.forwarded.inc(items.length);
  for (const item of items)
    deps.metrics.deliverySeconds.observe(Math.max(0, now - item.event.ts) / 1000);
  return { acknowledged: items.map((item) => item.message), rejected: [], retry: [] };
}

/**
 * One span per event, continuing the trace the publisher put on the message (the upload's
 * request), so the run the event starts continues it through this span.
 */
function startForwardSpan(item: Valid): { message: Message; span: Span } {
  const parent = contextOfTraceparent(
    item.message.MessageAttributes?.[TRACEPARENT_ATTRIBUTE]?.StringValue,
  );
  const span = selahTracer().startSpan(
    `forward ${item.event.name}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: { "selah.event_id": item.event.id, "messaging.system": "aws_sqs" },
    },
    parent,
  );
  item.event = { ...item.event, traceparent: currentTraceparent(trace.setSpan(parent, span)) };
  return { message: item.message, span };
}

function endForwardSpans(spans: { message: Message; span: Span }[], acknowledged: Message[]) {
  for (const { message, span } of spans) {
    if (!acknowledged.includes(message))
      span.setStatus({ code: SpanStatusCode.ERROR, message: "not acknowledged" });
    span.end();
  }
}

/** Returns the messages now safely in the DLQ; one that could not be sent stays for redelivery. */
async function deadLetter(deps: MessageHandlerDeps, dead: Dead[]): Promise<Message[]> {
  const results = await Promise.all(
    dead.map(async ({ message, reason, cause }) => {
      try {
        await sendToDeadLetterQueue(deps.sqs, deps.deadLetterQueueUrl, {
          body: message.Body || "(empty body)",
          reason,
          sourceMessageId: message.MessageId ?? "unknown",
        });
        deps.metrics.deadLettered.inc({ cause });
        deps.log.warn(`dead-lettered message ${message.MessageId}: ${reason}`);
        return [message];
      } catch (error) {
        deps.log.error(
          `could not dead-letter message ${message.MessageId}: ${(error as Error).message}`,
        );
        return [];
      }
    }),
  );
  return results.flat();
}

async function deleteMessages(deps: MessageHandlerDeps, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  // A message whose delete fails is delivered again; its event id makes the re-send harmless.
  try {
    const response = await deps.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: deps.mainQueueUrl,
        Entries: messages.map((message, i) => ({
          Id: `d${i}`,
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
    if (response.Failed?.length)
      deps.log.warn(`${response.Failed.length} delete(s) failed: ${response.Failed[0]?.Message}`);
  } catch (error) {
    deps.log.warn(`delete of ${messages.length} message(s) failed: ${(error as Error).message}`);
  }
}

async function retryLater(deps: MessageHandlerDeps, messages: Message[]): Promise<void> {
  if (messages.length === 0) return;
  try {
    await deps.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: deps.mainQueueUrl,
        Entries: messages.map((message, i) => ({
          Id: `v${i}`,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: retryDelaySeconds(receiveCount(message), deps.retry),
        })),
      }),
    );
  } catch (error) {
    // The queue's own visibility timeout brings them back instead.
    deps.log.warn(
      `could not schedule the retry of ${messages.length} message(s): ${(error as Error).message}`,
    );
  }
}

const receiveCount = (message: Message) =>
  Number(message.Attributes?.ApproximateReceiveCount ?? 1) || 1;

/**
 * base · 2^(n-1) seconds with ±20 % jitter, so a burst of failures does not return as one.
 * At least 1 s: fauxqs 2.4 with persistence drops a message whose visibility is set to 0.
 */
export function retryDelaySeconds(
  receives: number,
  retry: { baseSeconds: number; maxSeconds: number },
): number {
  const exponential = Math.min(
    retry.maxSeconds,
    retry.baseSeconds * 2 ** Math.min(30, Math.max(0, receives - 1)),
  );
  const jittered = exponential * (0.8 + Math.random() * 0.4);
  return Math.max(1, Math.min(43_200, Math.round(Math.min(retry.maxSeconds, jittered))));
}
