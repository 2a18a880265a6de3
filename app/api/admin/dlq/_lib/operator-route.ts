import { serverEnv } from "@/lib/platform/config/server-env";
import { checkOperatorToken } from "@/lib/platform/http/check-operator-token";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import type { DeadLetterQueues } from "@/lib/platform/queue/dead-letter-queue";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import type { SQSClient } from "@aws-sdk/client-sqs";

type Operation = (args: {
  request: Request;
  sqs: SQSClient;
  queues: DeadLetterQueues;
}) => Promise<Response | object>;

/**
 * Route handlers for queue operations. The dead-letter queue is the whole platform's, not one
 * church's, so church roles do not grant it: the caller must present ADMIN_API_TOKEN as a
 * bearer token (401 without one, 403 with a wrong one, 403 when no token is configured).
 */
export function operatorRoute(operation: Operation) {
  return withErrorResponse(async (request: Request): Promise<Response> => {
    const denied = checkOperatorToken(request, "Queue operations");
    if (denied) return denied;
    const env = serverEnv();
    const sqs = createSqsClient(env);
    try {
      const result = await operation({
        request,
        sqs,
        queues: { mainQueueUrl: env.SQS_QUEUE_URL, deadLetterQueueUrl: env.SQS_DLQ_URL },
      });
      return result instanceof Response
        ? result
        : Response.json(result, { headers: { "cache-control": "no-store" } });
    } finally {
      sqs.destroy();
    }
  });
}
