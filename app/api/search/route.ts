// GET /api/search — moments matching a query and filters (the /search page's type-ahead).
import { runSearch } from "@/lib/search/queries";
import { searchParamsRecord, searchParamsSchema } from "@/lib/search/search-params";
import { clientAddressOf } from "@/lib/platform/auth/client-address";
import { AppError } from "@/lib/platform/errors/app-error";
import { assertQueryLength } from "@/lib/platform/http/assert-query-length";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

export const dynamic = "force-dynamic";

// An unrecognised passage is an AppError naming the `passage` field; other failures answer 500.
export const GET = withErrorResponse(
  async (request: Request) => {
    const url = new URL(request.url);
    assertQueryLength(url);
    const parsed = searchParamsSchema.safeParse(searchParamsRecord(url.searchParams));
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      const detail = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
        .join("; ");
      throw AppError.invalidInput(`The search is not valid (${detail}).`, fields);
    }
    const outcome = await runSearch(parsed.data, {
      address: clientAddressOf(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    return Response.json(outcome, { headers: { "cache-control": "no-store" } });
  },
  { internalMessage: "Search is unavailable right now; try again." },
);
