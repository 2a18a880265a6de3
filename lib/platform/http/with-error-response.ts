import { type ErrorResponseOptions, toErrorResponse } from "./to-error-response";

/**
 * Wraps a route handler so whatever it throws leaves through toErrorResponse, logged with the
 * request's method and path: handlers `throw` AppErrors instead of building error answers.
 */
export function withErrorResponse<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Promise<Response>,
  options: Omit<ErrorResponseOptions, "where"> = {},
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return toErrorResponse(error, {
        ...options,
        where: `${request.method} ${new URL(request.url).pathname}`,
      });
    }
  };
}
