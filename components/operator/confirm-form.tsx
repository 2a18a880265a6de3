"use client";

import { useActionState } from "react";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

/**
 * One operator action as a button: hidden fields, a confirmation when it cannot be undone, and
 * the outcome beside it.
 */
export function ConfirmForm({
  action,
  fields = {},
  label,
  pendingLabel,
  confirmation,
  tone = "neutral",
  done,
}: {
  action: Action;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Asked before the action runs; none for actions that are safe to repeat. */
  confirmation?: string;
  tone?: "neutral" | "primary" | "danger";
  /** Said after success. */
  done?: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const toneClass = {
    neutral: "border border-stone-300 bg-white text-stone-700 hover:bg-stone-50",
    primary: "bg-amber-700 text-white shadow-sm hover:bg-amber-800",
    danger: "border border-red-200 bg-white text-red-700 hover:bg-red-50",
  }[tone];
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmation && !confirm(confirmation)) event.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={isPending}
        className={`rounded-lg px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${toneClass}`}
      >
        {isPending ? pendingLabel : label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="max-w-xs text-xs text-red-600">
          {state.message}
        </p>
      )}
      {state?.ok && (done || state.message) && (
        <p role="status" className="max-w-xs text-xs text-emerald-700">
          {state.message ?? done}
        </p>
      )}
    </form>
  );
}
