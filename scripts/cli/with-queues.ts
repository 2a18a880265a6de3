import { GetQueueUrlCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { z } from "zod";
import { awsEnvSchema } from "@/lib/platform/config/aws-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { parseEnv } from "@/lib/platform/config/parse-env";
import type { DeadLetterQueues } from "@/lib/platform/queue/dead-letter-queue";
import { embeddedQueueNames } from "@/lib/platform/queue/embedded-queue-names";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { readLauncherEnv } from "../launcher/launcher-env";

export class QueuesUnreachableError extends AppError {
  override name = "QueuesUnreachableError";
  constructor(endpoint: string, cause: unknown) {
    super(
      "unavailable",
      `The embedded queues at ${endpoint} are not reachable (is Selah running? npm start). Set SQS_QUEUE_URL and SQS_DLQ_URL for real SQS.`,
      { cause },
    );
  }
}

const queueEnvSchema = awsEnvSchema.pick({
  AWS_REGION: true,
  SQS_ENDPOINT: true,
  SQS_QUEUE_URL: true,
  SQS_DLQ_URL: true,
});

/**
 * Runs a CLI job against SQS_QUEUE_URL / SQS_DLQ_URL, or against the queues of the running
 * embedded Selah (fauxqs on FAUXQS_PORT).
 */
export async function withQueues<T>(
  job: (sqs: SQSClient, queues: DeadLetterQueues) => Promise<T>,
): Promise<T> {
  if (process.env.SQS_QUEUE_URL) {
    const env = parseEnv(queueEnvSchema, process.env);
    const sqs = createSqsClient(env);
    try {
      return await job(sqs, {
        mainQueueUrl: env.SQS_QUEUE_URL,
        deadLetterQueueUrl: env.SQS_DLQ_URL,
      });
    } finally {
      sqs.destroy();
    }
  }
  const endpoint = `http://127.0.0.1:${readLauncherEnv().FAUXQS_PORT}`;
  process.env.AWS_ACCESS_KEY_ID ??= "test";
  process.env.AWS_SECRET_ACCESS_KEY ??= "test";
  const region = parseEnv(
    z.object({ AWS_REGION: z.string().default("us-east-1") }),
    process.env,
  ).AWS_REGION;
  const sqs = createSqsClient({ AWS_REGION: region, SQS_ENDPOINT: endpoint });
  try {
    const urlOf = async (QueueName: string) => {
      try {
        return (await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl!;
      } catch (error) {
        throw new QueuesUnreachableError(endpoint, error);
      }
    };
    return await job(sqs, {
      mainQueueUrl: await urlOf(embeddedQueueNames.main),
      deadLetterQueueUrl: await urlOf(embeddedQueueNames.deadLetter),
    });
  } finally {
    sqs.destroy();
  }
}
