import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnv } from "@/lib/platform/config/server-env";
import { DeadLetterNotFoundError, type DeadLetterQueues } from "@/lib/platform/queue/dead-letter-queue";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import type { SQSClient } from "@aws-sdk/client-sqs";
import { jsonError } from "../../_lib/church-route";

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
  return async (request: Request): Promise<Response> => {
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
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError)
        return jsonError(404, "not_found", error.message);
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return jsonError(500, "internal", "Something went wrong on our side; try again.");
    } finally {
      sqs.destroy();
    }
  };
}

function checkOperatorToken(request: Request): Response | undefined {
  const expected = parseEnv(operatorEnvSchema, process.env).ADMIN_API_TOKEN;
  if (!expected)
    return jsonError(
      403,
      "forbidden",
      "Queue operations over HTTP are disabled: set ADMIN_API_TOKEN on the server.",
    );
  const match = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match) {
    const response = jsonError(
      401,
      "unauthenticated",
      "Send the operator token: Authorization: Bearer <ADMIN_API_TOKEN>.",
    );
    response.headers.set("www-authenticate", 'Bearer realm="selah-operator"');
    return response;
  }
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(expected)))
    return jsonError(403, "forbidden", "That operator token is not valid.");
  return undefined;
}
