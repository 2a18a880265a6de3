// POST /api/ask — an answer to a question from sermon moments, streamed as server-sent events.
import { toEventStream } from "@/lib/search/ask/ask-question";
import { askRequestSchema } from "@/lib/search/ask/ask-request";
import { answerQuestion } from "@/lib/search/ask/queries";
import { AppError } from "@/lib/platform/errors/app-error";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";

// A 500-character question and a church slug, with room for escapes: read no more than this.
const ASK_MAX_BODY_BYTES = 8 * 1024;

// Failures before the stream starts answer as JSON errors; once it runs, askQuestion reports
// them as an `error` event with a person-facing message.
export const POST = withErrorResponse(async (request: Request) => {
  const json = await readJsonBody(request, {
    maxBytes: ASK_MAX_BODY_BYTES,
    shape: "{ question, church? }",
  });
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
