import type { z } from "zod";
import type { ChurchAccess } from "@/lib/platform/auth/church-access";
import { getChurchAccess } from "@/lib/platform/auth/get-church-access";
import type { MembershipRole } from "@/lib/platform/auth/membership-role";
import { AppError } from "@/lib/platform/errors/app-error";
import {
  fieldErrorsOf,
  type FormResult,
  formValues,
  toFormResult,
} from "@/lib/platform/validation/form-result";
import { type AdminUser, currentUser } from "./admin-session";

type Run<T> = (input: T, access: ChurchAccess, user: AdminUser) => Promise<FormResult | void>;

/**
 * The one wrapper for admin server actions: session, membership and role in the church
 * named by the action's first argument, zod-parsed form data, one result shape. Every AppError
 * (not a member, role too low, a form lib refuses) becomes a refused form through toFormResult;
 * anything else is rethrown (redirects, and failures Next's error page shows without details).
 */
export function churchAction<S extends z.ZodType>(
  schema: S,
  atLeast: MembershipRole,
  run: Run<z.output<S>>,
) {
  return async (
    churchSlug: string,
    _previous: FormResult | null,
    formData: FormData,
  ): Promise<FormResult> => {
    // Anyone can post to an action with arguments of their choosing; only a form's shape is read.
    if (typeof churchSlug !== "string" || !(formData instanceof FormData))
      return { ok: false, message: "This form could not be read; reload the page and try again." };
    const values = formValues(formData);
    const user = await currentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again.", values };
    try {
      const access = await getChurchAccess(user.id, churchSlug, atLeast);
      const parsed = schema.safeParse(values);
      if (!parsed.success)
        return {
          ok: false,
          message: "Please correct the highlighted fields.",
          fieldErrors: fieldErrorsOf(parsed.error),
          values,
        };
      return (await run(parsed.data, access, user)) ?? { ok: true };
    } catch (error) {
      if (error instanceof AppError) return toFormResult(error, values);
      throw error;
    }
  };
}
