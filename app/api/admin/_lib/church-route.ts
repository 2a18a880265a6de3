import type { z } from "zod";
import { getAuth } from "@/lib/platform/auth/auth";
import type { ChurchAccess } from "@/lib/platform/auth/church-access";
import { getChurchAccess } from "@/lib/platform/auth/get-church-access";
import type { MembershipRole } from "@/lib/platform/auth/membership-role";
import { fieldErrorsOf, FormError } from "@/lib/platform/validation/form-result";

type Params = Record<string, string>;
type Handler<P extends Params, B> = (args: { request: Request; params: P; access: ChurchAccess; userId: string; body: B }) => Promise<Response | object>;

export const jsonError = (status: number, code: string, message: string, fields?: Record<string, string[]>) =>
  Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });

/**
 * The one wrapper for admin route handlers: the session and the church membership are checked
 * here, in the handler itself (never only by a proxy), the JSON body is zod-parsed, and every
 * error leaves as `{ error: { code, message } }` without internals.
 */
export function churchRoute<P extends Params & { church: string }, S extends z.ZodType | undefined = undefined>(
  options: { atLeast: MembershipRole; body?: S },
  handler: Handler<P, S extends z.ZodType ? z.output<S> : undefined>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = await context.params;
    try {
      const session = await getAuth().api.getSession({ headers: request.headers });
      if (!session) return jsonError(401, "unauthenticated", "Sign in first.");
      const access = await getChurchAccess(session.user.id, params.church, options.atLeast);
      let body: unknown;
      if (options.body) {
        const json = await request.json().catch(() => undefined);
        if (json === undefined) return jsonError(400, "invalid_json", "The request body must be JSON.");
        const parsed = options.body.safeParse(json);
        if (!parsed.success) return jsonError(422, "invalid_request", "The request is not valid.", fieldErrorsOf(parsed.error));
        body = parsed.data;
      }
      const result = await handler({ request, params, access, userId: session.user.id, body: body as never });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof FormError) return jsonError(422, "invalid_request", error.message, error.fieldErrors);
      if (error instanceof Error && "status" in error && typeof error.status === "number" && error.status < 500) {
        return jsonError(error.status, error.name.replace(/Error$/, "").replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase()), error.message);
      }
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return jsonError(500, "internal", "Something went wrong on our side; try again.");
    }
  };
}
