"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormResult } from "@/lib/platform/validation/form-result";
import { safeNextPath } from "./safe-next-path";

type Mode = "sign-in" | "sign-up";

const FALLBACK_ERROR = "That did not work; check your connection and try again.";

/**
 * Sign-in and sign-up for listeners, posted to better-auth's standard endpoints
 * (/api/auth/sign-in/email, /api/auth/sign-up/email), which set the session cookie. A full
 * page load follows, so every part of the page sees the new session.
 */
export function ListenerAuthForm({
  mode,
  next,
  minPasswordLength,
}: {
  mode: Mode;
  next: string;
  minPasswordLength: number;
}) {
  const submit = async (_previous: FormResult | null, form: FormData): Promise<FormResult> => {
    const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
    const password = String(form.get("password") ?? "");
    if (mode === "sign-up" && password.length < minPasswordLength)
      return {
        ok: false,
        fieldErrors: { password: [`Use at least ${minPasswordLength} characters.`] },
        values,
      };
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          mode === "sign-up"
            ? { name: values.name.trim(), email: values.email, password }
            : { email: values.email, password },
        ),
      });
      if (response.ok) {
        window.location.assign(safeNextPath(next));
        return { ok: true };
      }
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      return { ok: false, message: messageFor(mode, response.status, body?.message), values };
    } catch {
      return { ok: false, message: FALLBACK_ERROR, values };
    }
  };
  const [state, action] = useActionState(submit, null);
  const other = mode === "sign-in" ? "/account/sign-up" : "/account/sign-in";
  return (
    <form action={action} className="space-y-5">
      <FormMessage state={state} />
      {mode === "sign-up" && (
        <Field label="Your name" name="name">
          <input
            id="name"
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={state?.values?.name}
            className={inputClass}
          />
        </Field>
      )}
      <Field label="Email" name="email">
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.values?.email}
          className={inputClass}
        />
      </Field>
      <Field
        label="Password"
        name="password"
        errors={state?.fieldErrors?.password}
        hint={mode === "sign-up" ? `At least ${minPasswordLength} characters.` : undefined}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3 pt-1">
        <SubmitButton pendingText={mode === "sign-up" ? "Creating account…" : "Signing in…"}>
          {mode === "sign-up" ? "Create account" : "Sign in"}
        </SubmitButton>
        <Link
          href={`${other}?next=${encodeURIComponent(next)}`}
          className="text-sm font-medium text-amber-800 hover:underline"
        >
          {mode === "sign-in" ? "New here? Create an account" : "Have an account? Sign in"}
        </Link>
      </div>
    </form>
  );
}

function messageFor(mode: Mode, status: number, message: string | undefined): string {
  if (status === 429 && message) return message;
  if (mode === "sign-in" && status === 401) return "That email and password do not match.";
  if (mode === "sign-up" && status === 422)
    return "An account with this email already exists. Sign in instead.";
  return message ?? FALLBACK_ERROR;
}
