import { runInRequest } from "@/lib/platform/telemetry/request-context";
import { type ErrorResponseOptions, toErrorResponse } from "./to-error-response";

/**
 * Wraps a route handler so whatever it throws leaves through toErrorResponse, logged with the
 * request's method, path and id: handlers `throw` AppErrors instead of building error answers.
 * The handler runs as the request (`runInRequest`), so every line it logs carries the id, and
 * the answer names it in `x-request-id` for a person reporting a failure.
 */
export function withErrorResponse<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Promise<Response>,
  options: Omit<ErrorResponseOptions, "where"> = {},
): (request: Request, ...rest: Args) => Promise<Response> {
  return (request, ...rest) =>
    runInRequest(request, async ({ requestId }) => {
      let response: Response;
      try {
        response = await handler(request, ...rest);
      } catch (error) {
        response = toErrorResponse(error, {
          ...options,
          where: `${request.method} ${new URL(request.url).pathname}`,
        });
      }
      return withRequestId(response, requestId);
    });
}

/** Adds the id; a response whose headers are immutable (a fetched one passed on) is left as is. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
  } catch {
    // Immutable headers: the id is still in the log.
  }
  return response;
}
