import { AppError } from "@/lib/platform/errors/app-error";
import { webLogger } from "@/lib/platform/telemetry/logger";

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side; try again.";

export interface ErrorResponseOptions {
  /** Names the request in the server log, e.g. "GET /api/search". */
  where?: string;
  /** Replaces the generic message of a 500, e.g. "Search is unavailable right now; try again." */
  internalMessage?: string;
  headers?: HeadersInit;
}

/**
 * The route handlers' one mapping. An AppError answers with its status and
 * `{ error: { code, message, ...details, fields? } }` (and Retry-After when it says how long
 * to wait); anything else (and an AppError whose
 * message is for operators) is logged here and answers 500 `{ error: { code: "internal", message } }`
 * with a generic message: no stack, no tool output, no internals in the body.
 */
export function toErrorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  if (error instanceof AppError && !error.isForOperators) {
    const body = {
      code: error.code,
      message: error.message,
      ...error.details,
      ...(error.fields ? { fields: error.fields } : {}),
    };
    const headers = new Headers(options.headers);
    // A refusal that passes with time says when: 429 and 503 with Retry-After (whole seconds).
    if (error.retryAfterMs !== undefined && (error.status === 429 || error.status === 503))
      headers.set("retry-after", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    return Response.json({ error: body }, { status: error.status, headers });
  }
  if (isClientGone(error)) {
    // Nobody hears this answer, and the failure is not Selah's: no error in the log.
    webLogger().info(
      { where: options.where },
      `${options.where ?? "a request"} cut off by the client`,
    );
    return new Response(null, { status: 400, headers: options.headers });
  }
  webLogger().error({ err: error, where: options.where }, `${options.where ?? "a request"} failed`);
  return Response.json(
    { error: { code: "internal", message: options.internalMessage ?? GENERIC_ERROR_MESSAGE } },
    { status: 500, headers: options.headers },
  );
}

/** The client went away before its request arrived whole (a page closing mid-beacon). */
function isClientGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (error.message === "aborted" && code === "ECONNRESET") || error.name === "AbortError";
}
