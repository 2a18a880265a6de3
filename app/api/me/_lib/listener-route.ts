import { AppError } from "@/lib/platform/errors/app-error";
import { type Listener, requireListener } from "@/lib/platform/auth/require-listener";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";

type Handler<P> = (args: {
  request: Request;
  params: P;
  listener: Listener;
}) => Promise<Response | object | null>;

/**
 * The one wrapper for a signed-in listener's own routes (/api/me/…): the session is checked
 * here (401 without one), each handler only ever reads or writes `listener.id`'s rows, and
 * failures leave through toErrorResponse. Writes from another site are refused even when the
 * browser sends the cookie, so no page elsewhere can change someone's history. Answers are
 * personal: never stored by a cache.
 */
export function listenerRoute<P = Record<string, never>>(handler: Handler<P>) {
  return withErrorResponse(
    async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
      if (request.method !== "GET" && request.headers.get("sec-fetch-site") === "cross-site")
        throw new AppError("forbidden", "This can only be changed from Selah itself.");
      const listener = await requireListener(request.headers);
      const result = await handler({ request, params: await context.params, listener });
      const response =
        result instanceof Response
          ? result
          : result === null
            ? new Response(null, { status: 204 })
            : Response.json(result);
      response.headers.set("cache-control", "private, no-store");
      return response;
    },
  );
}
