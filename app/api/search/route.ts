// GET /api/search — moments matching a query and filters (the /search page's type-ahead).
import { runSearch } from "@/lib/search/queries";
import { UnrecognisedScriptureError } from "@/lib/search/scripture-filter";
import { searchParamsRecord, searchParamsSchema } from "@/lib/search/search-params";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";

const jsonError = (status: number, code: string, message: string, fields?: Record<string, string[]>) =>
  Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

export async function GET(request: Request) {
  const parsed = searchParamsSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const detail = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(", ")}`).join("; ");
    return jsonError(422, "invalid_request", `The search is not valid (${detail}).`, fields);
  }
  try {
    const outcome = await runSearch(parsed.data);
    return Response.json(outcome, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof UnrecognisedScriptureError) return jsonError(422, "invalid_request", error.message, { passage: [error.message] });
    console.error("GET /api/search failed", error);
    return jsonError(500, "internal", "Search is unavailable right now; try again.");
  }
}
