import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnv } from "@/lib/platform/config/server-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { toErrorResponse } from "@/lib/platform/http/to-error-response";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import type { DeadLetterQueues } from "@/lib/platform/queue/dead-letter-queue";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import type { SQSClient } from "@aws-sdk/client-sqs";

const operatorEnvSchema = z.object({
  ADMIN_API_TOKEN: z
    .string()
    .min(32, "expected at least 32 characters (e.g. openssl rand -hex 32)")
    .optional(),
});

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
    const denied = checkOperatorToken(request);
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

function checkOperatorToken(request: Request): Response | undefined {
  const expected = parseEnv(operatorEnvSchema, process.env).ADMIN_API_TOKEN;
  if (!expected)
    return toErrorResponse(
      new AppError(
        "forbidden",
        "Queue operations over HTTP are disabled: set ADMIN_API_TOKEN on the server.",
      ),
    );
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match)
    return toErrorResponse(
      new AppError(
        "unauthenticated",
        "Send the operator token: Authorization: Bearer <ADMIN_API_TOKEN>.",
      ),
      { headers: { "www-authenticate": 'Bearer realm="selah-operator"' } },
    );
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(expected)))
    return toErrorResponse(new AppError("forbidden", "That operator token is not valid."));
  return undefined;
}
