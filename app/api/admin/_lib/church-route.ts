import type { z } from "zod";
import { getAuth } from "@/lib/platform/auth/auth";
import type { ChurchAccess } from "@/lib/platform/auth/church-access";
import { getChurchAccess } from "@/lib/platform/auth/get-church-access";
import type { MembershipRole } from "@/lib/platform/auth/membership-role";
import { AppError } from "@/lib/platform/errors/app-error";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

type Params = Record<string, string>;
type Handler<P extends Params, B> = (args: {
  request: Request;
  params: P;
  access: ChurchAccess;
  userId: string;
  body: B;
}) => Promise<Response | object>;

/** The largest JSON body an admin route reads unless it says otherwise (`maxBodyBytes`). */
const ADMIN_JSON_MAX_BYTES = 64 * 1024;

/**
 * The one wrapper for admin route handlers: the session and the church membership are checked
 * here, in the handler itself (never only by a proxy), the JSON body is read up to
 * `maxBodyBytes` (64 KB; 413 beyond) and zod-parsed, and every
 * failure leaves through toErrorResponse: an AppError as `{ error: { code, message } }`,
 * anything else as a generic 500, logged.
 */
export function churchRoute<
  P extends Params & { church: string },
  S extends z.ZodType | undefined = undefined,
>(
  options: { atLeast: MembershipRole; body?: S; maxBodyBytes?: number },
  handler: Handler<P, S extends z.ZodType ? z.output<S> : undefined>,
) {
  return withErrorResponse(
    async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
      const params = await context.params;
      const session = await getAuth().api.getSession({ headers: request.headers });
      if (!session) throw new AppError("unauthenticated", "Sign in first.");
      const access = await getChurchAccess(session.user.id, params.church, options.atLeast);
      let body: unknown;
      if (options.body) {
        const json = await readJsonBody(request, {
          maxBytes: options.maxBodyBytes ?? ADMIN_JSON_MAX_BYTES,
        });
        const parsed = options.body.safeParse(json);
        if (!parsed.success)
          throw AppError.invalidInput("The request is not valid.", fieldErrorsOf(parsed.error));
        body = parsed.data;
      }
      const result = await handler({
        request,
        params,
        access,
        userId: session.user.id,
        body: body as never,
      });
      return result instanceof Response ? result : Response.json(result);
    },
  );
}
