// GET /api/admin/dlq — dead-letter messages with their reasons (?limit=N); DELETE — purge them all.
import { listDeadLetters, purgeDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { AppError } from "@/lib/platform/errors/app-error";
import { operatorRoute } from "./_lib/operator-route";

export const dynamic = "force-dynamic";

export const GET = operatorRoute(async ({ request, sqs, queues }) => {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw AppError.invalidInput("limit must be a whole number from 1 to 1000.");
  return { messages: await listDeadLetters(sqs, queues, limit) };
});

export const DELETE = operatorRoute(async ({ sqs, queues }) => ({
  purged: await purgeDeadLetters(sqs, queues),
}));
