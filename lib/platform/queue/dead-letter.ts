import {
  SendMessageCommand,
  type MessageAttributeValue,
  type SQSClient,
} from "@aws-sdk/client-sqs";

/** Message attributes the worker puts on what it dead-letters itself. */
export const deadLetterAttributes = {
  reason: "DeadLetterReason",
  sourceMessageId: "SourceMessageId",
  deadLetteredAt: "DeadLetteredAt",
} as const;

export type DeadLetter = {
  body: string;
  reason: string;
  sourceMessageId: string;
};

/**
 * Sends a message that can never succeed to the DLQ with its reason. The caller deletes it
 * from the main queue afterwards: a crash in between leaves a copy in each, never none.
 */
export async function sendToDeadLetterQueue(
  sqs: SQSClient,
  deadLetterQueueUrl: string,
  letter: DeadLetter,
): Promise<void> {
  const text = (value: string): MessageAttributeValue => ({
    DataType: "String",
    StringValue: value,
  });
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: deadLetterQueueUrl,
      MessageBody: letter.body,
      MessageAttributes: {
        [deadLetterAttributes.reason]: text(letter.reason.slice(0, 1000)),
        [deadLetterAttributes.sourceMessageId]: text(letter.sourceMessageId),
        [deadLetterAttributes.deadLetteredAt]: text(new Date().toISOString()),
      },
    }),
  );
}
