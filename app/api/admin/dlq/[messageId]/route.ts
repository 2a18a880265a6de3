// GET /api/admin/dlq/:messageId — one dead-letter message, body and reason included.
import { showDeadLetter } from "@/lib/platform/queue/dead-letter-queue";
import { operatorRoute } from "../_lib/operator-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ messageId: string }> }) {
  const { messageId } = await context.params;
  return operatorRoute(async ({ sqs, queues }) => showDeadLetter(sqs, queues, messageId))(request);
}
