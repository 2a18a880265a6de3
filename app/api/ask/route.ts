// POST /api/ask — an answer to a question from sermon moments, streamed as server-sent events.
import { toEventStream } from "@/lib/search/ask/ask-question";
import { askRequestSchema } from "@/lib/search/ask/ask-request";
import { answerQuestion } from "@/lib/search/ask/queries";
import { AppError } from "@/lib/platform/errors/app-error";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";

// Failures before the stream starts answer as JSON errors; once it runs, askQuestion reports
// them as an `error` event with a person-facing message.
export const POST = withErrorResponse(async (request: Request) => {
  const json = await request.json().catch(() => undefined);
  if (json === undefined)
    throw new AppError("invalid_json", "The request body must be JSON: { question, church? }.");
  const parsed = askRequestSchema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw AppError.invalidInput(
      `The question is not valid (${Object.values(fields).flat().join("; ")}).`,
      fields,
    );
  }
  return new Response(toEventStream(answerQuestion(parsed.data, request.signal)), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});
