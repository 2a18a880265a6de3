"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import type { FormResult } from "@/lib/platform/validation/form-result";

/**
 * "Delete my account and all its data": better-auth's delete-user endpoint, the password as
 * the confirmation. The account, its sessions, history and follows are gone at once.
 */
export function DeleteAccountForm() {
  const submit = async (_previous: FormResult | null, form: FormData): Promise<FormResult> => {
    if (
      !window.confirm("Delete your account, your history and your follows? This cannot be undone.")
    )
      return { ok: false };
    const response = await fetch("/api/auth/delete-user", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: String(form.get("password") ?? "") }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign("/?account=deleted");
      return { ok: true };
    }
    const body = (await response?.json().catch(() => null)) as {
      code?: string;
      message?: string;
    } | null;
    if (body?.code === "INVALID_PASSWORD")
      return { ok: false, fieldErrors: { "delete-password": ["That is not your password."] } };
    return { ok: false, message: body?.message ?? "Your account could not be deleted; try again." };
  };
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="mt-4 space-y-4">
      <FormMessage state={state} />
      <Field
        label="Your password, to confirm"
        name="delete-password"
        errors={state?.fieldErrors?.["delete-password"]}
      >
        <input
          id="delete-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${inputClass} sm:max-w-xs`}
        />
      </Field>
      <button
        type="submit"
        className="inline-flex items-center justify-center rounded-lg bg-red-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-700"
      >
        Delete my account and all its data
      </button>
    </form>
  );
}
