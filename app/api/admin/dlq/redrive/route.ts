// POST /api/admin/dlq/redrive — send dead letters back to the main queue once: {"all":true} or {"messageIds":[…]}.
import { z } from "zod";
import { redriveDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { AppError } from "@/lib/platform/errors/app-error";
import { operatorRoute } from "../_lib/operator-route";

export const dynamic = "force-dynamic";

const redriveSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ messageIds: z.array(z.string().min(1).max(200)).min(1).max(1000) }),
]);

export const POST = operatorRoute(async ({ request, sqs, queues }) => {
  const parsed = redriveSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) throw AppError.invalidInput('Send {"all": true} or {"messageIds": ["…"]}.');
  return redriveDeadLetters(sqs, queues, parsed.data);
});
