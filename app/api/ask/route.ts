// POST /api/ask — an answer to a question from sermon moments, streamed as server-sent events.
import { toEventStream } from "@/lib/search/ask/ask-question";
import { askRequestSchema } from "@/lib/search/ask/ask-request";
import { answerQuestion } from "@/lib/search/ask/queries";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";

const jsonError = (status: number, code: string, message: string, fields?: Record<string, string[]>) =>
  Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

export async function POST(request: Request) {
  const json = await request.json().catch(() => undefined);
  if (json === undefined) return jsonError(400, "invalid_json", "The request body must be JSON: { question, church? }.");
  const parsed = askRequestSchema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    return jsonError(422, "invalid_request", `The question is not valid (${Object.values(fields).flat().join("; ")}).`, fields);
  }
  return new Response(toEventStream(answerQuestion(parsed.data, request.signal)), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
