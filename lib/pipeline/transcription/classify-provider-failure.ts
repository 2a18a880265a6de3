import { TranscriptionRejectedError, TranscriptionUnavailableError } from "./transcription-errors";

export interface ProviderFailure {
  provider: string;
  /** HTTP status, or undefined when no response arrived (connection refused, timeout). */
  status: number | undefined;
  /** What the provider said, already reduced to its message. */
  detail: string;
  retryAfter?: string | null;
  cause: unknown;
}

const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * 4xx other than 408/429 are the request's own fault (bad key, unsupported audio): final.
 * 408, 429, 5xx and no response at all are the provider's state: retried, after the delay
 * the provider asked for when it gave one.
 */
export function classifyProviderFailure(failure: ProviderFailure): Error {
  const { provider, status, detail, cause } = failure;
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new TranscriptionRejectedError(
      `${provider} refused the request (${status}): ${rejectionHint(status)}${detail}`,
      { cause },
    );
  }
  const what = status === undefined ? "did not answer" : `answered ${status}`;
  return new TranscriptionUnavailableError(
    `${provider} ${what}: ${detail}`,
    parseRetryAfter(failure.retryAfter),
    { cause },
  );
}

function rejectionHint(status: number): string {
  if (status === 401 || status === 403) return "check the API key. ";
  if (status === 402) return "the account has no credit. ";
  if (status === 413) return "the audio is too large. ";
  return "";
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unusable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(Math.round(ms), MAX_RETRY_AFTER_MS);
}
