"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "@/lib/platform/auth/auth";
import { signInWithPassword } from "@/lib/platform/auth/sign-in-with-password";
import { AppError } from "@/lib/platform/errors/app-error";
import {
  fieldErrorsOf,
  type FormResult,
  formValues,
  toFormResult,
} from "@/lib/platform/validation/form-result";

const signInSchema = z.object({
  email: z.email({ message: "Enter the email address you were invited with." }),
  password: z.string().min(1, "Enter your password."),
  next: z.string().default("/admin"),
});

export async function signIn(
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const values = formValues(formData);
  const kept = { email: values.email ?? "" };
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: kept };
  const { email, password, next } = parsed.data;
  try {
    // Rate-limited per address and per account like POST /api/auth/sign-in/email.
    await signInWithPassword({ email, password, headers: await headers() });
  } catch (error) {
    if (error instanceof AppError) return toFormResult(error, kept);
    throw error;
  }
  // Only same-site paths, so the parameter cannot send people elsewhere.
  redirect(/^\/(admin|operator)(\/|\?|$)/.test(next) ? next : "/admin");
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/admin/sign-in");
}
