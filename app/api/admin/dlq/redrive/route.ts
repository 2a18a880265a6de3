// POST /api/admin/dlq/redrive — send dead letters back to the main queue once: {"all":true} or {"messageIds":[…]}.
import { z } from "zod";
import { redriveDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { AppError } from "@/lib/platform/errors/app-error";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { operatorRoute } from "../_lib/operator-route";

export const dynamic = "force-dynamic";

const redriveSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ messageIds: z.array(z.string().min(1).max(200)).min(1).max(1000) }),
]);

// Up to 1000 ids of up to 200 characters, as JSON.
const REDRIVE_MAX_BODY_BYTES = 256 * 1024;

export const POST = operatorRoute(async ({ request, sqs, queues }) => {
  const json = await readJsonBody(request, { maxBytes: REDRIVE_MAX_BODY_BYTES }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "invalid_json") return undefined;
      throw error;
    },
  );
  const parsed = redriveSchema.safeParse(json);
  if (!parsed.success) throw AppError.invalidInput('Send {"all": true} or {"messageIds": ["…"]}.');
  return redriveDeadLetters(sqs, queues, parsed.data);
});
