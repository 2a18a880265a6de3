import type { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";
import { webLogger } from "@/lib/platform/telemetry/logger";

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

/** A form (or request) that cannot be saved as it is: per-field messages, or one for the whole form. */
export class FormError extends AppError {
  override name = "FormError";
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = "Please correct the highlighted fields.",
  ) {
    super("invalid_request", message, { fields: fieldErrors });
  }
}

const GENERIC_MESSAGE = "Something went wrong on our side; try again.";

/**
 * The server actions' one mapping: an AppError becomes a refused form with its message and
 * field errors, keeping what was submitted. A message meant for operators (a bad setting) is
 * logged and replaced by a generic one. Anything that is not an AppError is not mapped here:
 * the action rethrows it (Next's redirects and its error page, which shows no details).
 */
export function toFormResult(error: AppError, values?: Record<string, string>): FormResult {
  if (error.isForOperators) webLogger().error({ err: error }, "a form action failed");
  return {
    ok: false,
    message: error.isForOperators ? GENERIC_MESSAGE : error.message,
    ...(error.fields ? { fieldErrors: error.fields } : {}),
    ...(values ? { values } : {}),
  };
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
  Object.fromEntries(
    [...data.entries()].map(([key, value]) => [
      key,
      typeof value === "string" ? value : value.name,
    ]),
  );
