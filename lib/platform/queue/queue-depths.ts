import { GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { QueueUrls } from "./ensure-queues";

/** SQS's approximate counts for one queue. */
export type QueueDepth = {
  /** Waiting to be received. */
  waiting: number;
  /** Received and not yet deleted (being forwarded, or held by a DLQ listing). */
  inFlight: number;
  /** Sent with a delay that has not passed yet. */
  delayed: number;
};

export type QueueDepths = { main: QueueDepth; deadLetter: QueueDepth };

const ATTRIBUTES = [
  "ApproximateNumberOfMessages",
  "ApproximateNumberOfMessagesNotVisible",
  "ApproximateNumberOfMessagesDelayed",
] as const;

/** The main queue's and the DLQ's depths, from GetQueueAttributes (SQS and fauxqs alike). */
export async function readQueueDepths(sqs: SQSClient, queues: QueueUrls): Promise<QueueDepths> {
  const [main, deadLetter] = await Promise.all([
    readQueueDepth(sqs, queues.mainQueueUrl),
    readQueueDepth(sqs, queues.deadLetterQueueUrl),
  ]);
  return { main, deadLetter };
}

async function readQueueDepth(sqs: SQSClient, queueUrl: string): Promise<QueueDepth> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...ATTRIBUTES] }),
  );
  const count = (name: (typeof ATTRIBUTES)[number]) => Number(Attributes[name] ?? 0) || 0;
  return {
    waiting: count("ApproximateNumberOfMessages"),
    inFlight: count("ApproximateNumberOfMessagesNotVisible"),
    delayed: count("ApproximateNumberOfMessagesDelayed"),
  };
}
