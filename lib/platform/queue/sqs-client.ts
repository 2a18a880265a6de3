import { SQSClient } from "@aws-sdk/client-sqs";
import type { AwsEnv } from "@/lib/platform/config/aws-env";

export function createSqsClient(env: Pick<AwsEnv, "AWS_REGION" | "SQS_ENDPOINT">): SQSClient {
  return new SQSClient({
    region: env.AWS_REGION,
    ...(env.SQS_ENDPOINT ? { endpoint: env.SQS_ENDPOINT } : {}),
  });
}
