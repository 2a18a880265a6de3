import { describe, expect, it } from "vitest";
import { classifyProviderFailure, parseRetryAfter } from "./classify-provider-failure";
import { TranscriptionRejectedError, TranscriptionUnavailableError } from "./transcription-errors";

const failure = (status: number | undefined, retryAfter?: string) =>
  classifyProviderFailure({
    provider: "Deepgram",
    status,
    detail: "x",
    retryAfter,
    cause: undefined,
  });

describe("classifyProviderFailure", () => {
  it("is final for the request's own faults and retried for the provider's state", () => {
    for (const status of [400, 401, 402, 403, 404, 413, 415, 422])
      expect(failure(status)).toBeInstanceOf(TranscriptionRejectedError);
    for (const status of [408, 429, 500, 502, 503, 504, undefined])
      expect(failure(status)).toBeInstanceOf(TranscriptionUnavailableError);
  });

  it("reads Retry-After as seconds or an HTTP date, capped at an hour", () => {
    const now = Date.parse("2026-11-28T02:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 02:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("86400", now)).toBe(3_600_000);
    expect([
      parseRetryAfter("soon", now),
      parseRetryAfter(null, now),
      parseRetryAfter("Sat, 28 Nov 2026 01:00:00 GMT", now),
    ]).toEqual([undefined, undefined, undefined]);
    expect((failure(429, "5") as TranscriptionUnavailableError).retryAfterMs).toBe(5000);
  });
});
