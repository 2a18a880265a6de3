import { type ErrorCode, errorCodeInfo, isErrorCode } from "./error-codes";

export type FieldErrors = Record<string, string[]>;

export interface AppErrorOptions {
  /** Overrides the code's status, e.g. a refused retry of a sermon that does not exist (404). */
  status?: number;
  /** Messages per form field or request property. */
  fields?: FieldErrors;
  /** Further person-safe facts for the JSON answer, e.g. the caption file's `line`. */
  details?: Record<string, string | number | boolean>;
  /** Overrides the code's default: may a pipeline step try again? */
  retriable?: boolean;
  /** For a retriable failure: how long to wait, when the other side said. */
  retryAfterMs?: number;
  /** The underlying failure, for logs only: never shown to a person. */
  cause?: unknown;
}

/**
 * A failure the application expects and can explain: a code (see ERROR_CODES), the HTTP status
 * it answers with, and a message a person can act on. Route handlers, server actions, Inngest
 * functions and CLIs each map it in one place (see README.md); anything else is "internal".
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, string | number | boolean>;
  readonly retriable: boolean;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const info = errorCodeInfo(code);
    this.code = code;
    this.status = options.status ?? info.status;
    this.retriable = options.retriable ?? info.retriable ?? false;
    if (options.fields) this.fields = options.fields;
    if (options.details) this.details = options.details;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** The message is for whoever runs Selah, not for the person using it. */
  get isForOperators(): boolean {
    return errorCodeInfo(this.code).forOperators === true;
  }

  static invalidInput(message: string, fields?: FieldErrors): AppError {
    return new AppError("invalid_request", message, fields ? { fields } : {});
  }

  static notFound(message: string): AppError {
    return new AppError("not_found", message);
  }

  static conflict(message: string): AppError {
    return new AppError("conflict", message);
  }

  static unavailable(
    message: string,
    options: Pick<AppErrorOptions, "retryAfterMs" | "cause"> = {},
  ): AppError {
    return new AppError("unavailable", message, options);
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/**
 * What a person may read about a failure: an AppError's own message, otherwise `fallback`. A
 * failure that crossed Inngest (a function's onFailure) arrives deserialized, no longer an
 * AppError instance but keeping its `code`, wrapped as the cause of a NonRetriableError with
 * the same message: its causes are searched for the AppError it was.
 */
export function userMessageOf(error: unknown, fallback: string): string {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current.isForOperators ? fallback : current.message;
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === "string" && isErrorCode(code) && typeof message === "string")
      return errorCodeInfo(code).forOperators ? fallback : message;
    current = cause;
  }
  return fallback;
}
