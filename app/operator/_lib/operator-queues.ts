import type { SQSClient } from "@aws-sdk/client-sqs";
import { serverEnv } from "@/lib/platform/config/server-env";
import type { DeadLetterQueues } from "@/lib/platform/queue/dead-letter-queue";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";

/** Runs a job with an SQS client on the app's main queue and DLQ, then closes the client. */
export async function withOperatorQueues<T>(
  job: (sqs: SQSClient, queues: DeadLetterQueues) => Promise<T>,
): Promise<T> {
  const env = serverEnv();
  const sqs = createSqsClient(env);
  try {
    return await job(sqs, { mainQueueUrl: env.SQS_QUEUE_URL, deadLetterQueueUrl: env.SQS_DLQ_URL });
  } finally {
    sqs.destroy();
  }
}
