import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { getOperatorAccess } from "@/lib/platform/auth/get-operator-access";
import { OperatorRequiredError } from "@/lib/platform/auth/operator-access";
import { AppError } from "@/lib/platform/errors/app-error";
import {
  fieldErrorsOf,
  type FormResult,
  formValues,
  toFormResult,
} from "@/lib/platform/validation/form-result";
import { type AdminUser, currentUser } from "@/app/admin/_lib/admin-session";

/**
 * For operator pages: signed in (else away to sign-in) and an operator (else 404, as for a
 * page that does not exist: church roles grant nothing here).
 */
export async function requireOperatorPage(path = "/operator"): Promise<AdminUser> {
  const user = await currentUser();
  if (!user) redirect(`/admin/sign-in?next=${encodeURIComponent(path)}`);
  try {
    await getOperatorAccess(user.id);
  } catch (error) {
    if (error instanceof OperatorRequiredError) notFound();
    throw error;
  }
  return user;
}

/**
 * The one wrapper for operator server actions: session, the operator flag, zod-parsed form
 * data, one result shape. Anyone can post to an action; what is not a form is refused, and
 * every AppError (not an operator included) becomes a refused form.
 */
export function operatorAction<S extends z.ZodType>(
  schema: S,
  run: (input: z.output<S>, user: AdminUser) => Promise<FormResult | void>,
) {
  return async (_previous: FormResult | null, formData: FormData): Promise<FormResult> => {
    if (!(formData instanceof FormData))
      return { ok: false, message: "This form could not be read; reload the page and try again." };
    const values = formValues(formData);
    const user = await currentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
    try {
      await getOperatorAccess(user.id);
      const parsed = schema.safeParse(values);
      if (!parsed.success)
        return {
          ok: false,
          message: "This request could not be read; reload the page and try again.",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      return (await run(parsed.data, user)) ?? { ok: true };
    } catch (error) {
      if (error instanceof AppError) return toFormResult(error);
      throw error;
    }
  };
}
