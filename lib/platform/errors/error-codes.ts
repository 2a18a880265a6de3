/**
 * Every application error code, defined once, with what it means at each entry point:
 * `status` is the HTTP answer; `retriable` says whether a pipeline step may try again (only
 * outages and unknown failures); `forOperators` marks messages written for whoever runs Selah
 * (variable names, migrations), which route handlers and forms replace with a generic message.
 */
export const ERROR_CODES = {
  // The request is wrong: fix it and send it again.
  invalid_json: { status: 400 },
  bad_request: { status: 400 },
  invalid_request: { status: 422 },
  // The request is too big to read, or comes too often: send less, or wait.
  payload_too_large: { status: 413 },
  uri_too_long: { status: 414 },
  rate_limited: { status: 429 },
  // Who is asking.
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  role_required: { status: 403 },
  // What is asked for does not exist (or is another church's, answered the same way).
  not_found: { status: 404 },
  church_not_found: { status: 404 },
  upload_not_found: { status: 404 },
  segment_not_found: { status: 404 },
  // The thing exists but is not in a state that allows this.
  conflict: { status: 409 },
  retry_refused: { status: 409 },
  no_audio_for_captions: { status: 409 },
  // A file or a provider's verdict that no retry can change.
  upload_rejected: { status: 422 },
  invalid_captions: { status: 422 },
  media_rejected: { status: 422 },
  transcription_rejected: { status: 422 },
  fetch_refused: { status: 422 },
  feed_rejected: { status: 422 },
  // Selah's side.
  misconfigured: { status: 500, forOperators: true },
  internal: { status: 500, retriable: true, forOperators: true },
  unavailable: { status: 503, retriable: true },
} as const satisfies Record<
  string,
  { status: number; retriable?: boolean; forOperators?: boolean }
>;

export type ErrorCode = keyof typeof ERROR_CODES;

type CodeInfo = { status: number; retriable?: boolean; forOperators?: boolean };

export const errorCodeInfo = (code: ErrorCode): CodeInfo => ERROR_CODES[code];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
