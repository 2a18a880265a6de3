import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";

export type QueueSettings = {
  mainQueueName: string;
  deadLetterQueueName: string;
  maxReceiveCount: number;
  /** Must exceed the worker's forward timeout, or a slow forward is delivered twice. */
  visibilityTimeoutSeconds: number;
};

export type QueueUrls = { mainQueueUrl: string; deadLetterQueueUrl: string };

/**
 * Creates the main queue and its DLQ with a RedrivePolicy, or brings existing ones to these
 * settings; safe to call on every start.
 */
export async function ensureQueues(sqs: SQSClient, settings: QueueSettings): Promise<QueueUrls> {
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: settings.deadLetterQueueName,
      // Longer than the main queue's, so a dead letter outlives the messages that follow it.
      Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
    }),
  );
  const deadLetterQueueUrl = dlq.QueueUrl!;
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const attributes = {
    VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(4 * 24 * 3600),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: Attributes?.QueueArn,
      maxReceiveCount: String(settings.maxReceiveCount),
    }),
  };
  const main = await sqs.send(new CreateQueueCommand({ QueueName: settings.mainQueueName }));
  const mainQueueUrl = main.QueueUrl!;
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: mainQueueUrl, Attributes: attributes }));
  return { mainQueueUrl, deadLetterQueueUrl };
}
