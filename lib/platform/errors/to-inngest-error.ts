import { NonRetriableError, RetryAfterError } from "inngest";
import { AppError } from "./app-error";

/**
 * How a failed step or run ends for Inngest: an AppError that is not retriable (a bad file, a
 * refusal, a setting that stays wrong) becomes NonRetriableError, so the run fails at once with
 * the person-facing message; a retriable one whose other side said when to come back becomes
 * RetryAfterError (at least a second); anything else is returned as it is, for Inngest's own
 * backoff. The original stays as `cause`, which Inngest keeps (with `name` and `code`).
 */
export function toInngestError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  if (!error.retriable) return new NonRetriableError(error.message, { cause: error });
  if (error.retryAfterMs !== undefined)
    return new RetryAfterError(error.message, Math.max(1000, error.retryAfterMs), { cause: error });
  return error;
}
