import { AppError } from "@/lib/platform/errors/app-error";

/**
 * A fetch Selah will not make or finish, whatever a retry would do: a scheme other than
 * http(s), an address that is not public, a body over the limit, a refusing answer (4xx).
 */
export class FetchRefusedError extends AppError {
  override name = "FetchRefusedError";
  constructor(message: string) {
    super("fetch_refused", message);
  }
}

/** The other side did not answer in time, or failed (5xx, 429, a dropped connection): try later. */
export class FetchFailedError extends AppError {
  override name = "FetchFailedError";
  constructor(message: string, cause?: unknown) {
    super("unavailable", message, cause === undefined ? {} : { cause });
  }
}
