import type { z } from "zod";

/** What a form action answers: success, or messages a person can act on, per field. */
export type FormResult = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Set on success when the caller should show something it created. */
  id?: string;
  /** What was submitted, so a rejected form shows it again instead of losing it. */
  values?: Record<string, string>;
};

export class FormError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>, message = "Please correct the highlighted fields.") {
    super(message);
    this.name = "FormError";
  }
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** FormData as a plain object of strings; repeated names keep their last value. */
export const formValues = (data: FormData): Record<string, string> =>
  Object.fromEntries([...data.entries()].map(([key, value]) => [key, typeof value === "string" ? value : value.name]));
