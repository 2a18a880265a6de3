import { describe, expect, it } from "vitest";
import { serializeError } from "inngest";
import { AppError, userMessageOf } from "./app-error";
import { ERROR_CODES, isErrorCode } from "./error-codes";
import { toInngestError } from "./to-inngest-error";

describe("AppError", () => {
  it("takes its status and retriability from the code, each overridable", () => {
    const missing = AppError.notFound("No such sermon in this church.");
    expect(missing).toMatchObject({
      code: "not_found",
      status: 404,
      retriable: false,
      message: "No such sermon in this church.",
    });
    expect(missing).toBeInstanceOf(Error);
    expect(AppError.unavailable("The provider is busy.", { retryAfterMs: 5000 })).toMatchObject({
      status: 503,
      retriable: true,
      retryAfterMs: 5000,
    });
    expect(new AppError("retry_refused", "Gone.", { status: 404 }).status).toBe(404);
    expect(new AppError("internal", "Migration failed.", { retriable: false }).retriable).toBe(
      false,
    );
  });

  it("keeps field errors and details for the answer, and the cause for logs only", () => {
    const cause = new Error("duplicate key value violates unique constraint");
    const error = AppError.invalidInput("Please correct the highlighted fields.", {
      name: ["Taken."],
    });
    expect(error).toMatchObject({
      code: "invalid_request",
      status: 422,
      fields: { name: ["Taken."] },
    });
    const withCause = new AppError("conflict", "That name is taken.", {
      cause,
      details: { line: 3 },
    });
    expect(withCause.cause).toBe(cause);
    expect(withCause.details).toEqual({ line: 3 });
    expect(withCause.message).not.toContain("duplicate key");
  });

  it("marks operator-only messages, which userMessageOf replaces", () => {
    const setting = new AppError("misconfigured", "EMBEDDING_DIMENSIONS: expected a number");
    expect(setting.isForOperators).toBe(true);
    expect(userMessageOf(setting, "Try again.")).toBe("Try again.");
    expect(userMessageOf(AppError.conflict("Reload the page."), "Try again.")).toBe(
      "Reload the page.",
    );
    expect(userMessageOf(new Error("ECONNREFUSED 127.0.0.1:5432"), "Try again.")).toBe(
      "Try again.",
    );
  });

  it("finds the message of an AppError that crossed Inngest as a NonRetriableError's cause", () => {
    // What a function's onFailure gets: the failure as Inngest serialized it, no instances left.
    const crossed = (error: AppError) =>
      JSON.parse(JSON.stringify(serializeError(toInngestError(error)))) as unknown;
    const feed = new AppError("feed_rejected", "The feed is not well-formed XML: line 2.");
    expect(crossed(feed)).not.toBeInstanceOf(AppError);
    expect(userMessageOf(crossed(feed), "Unexpected.")).toBe(
      "The feed is not well-formed XML: line 2.",
    );
    const setting = new AppError("misconfigured", "IMPORT_MAX_BYTES: expected a number");
    expect(userMessageOf(crossed(setting), "Unexpected.")).toBe("Unexpected.");
    expect(userMessageOf({ message: "socket hang up" }, "Unexpected.")).toBe("Unexpected.");
  });

  it("defines every code once, with an HTTP error status", () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(isErrorCode(code)).toBe(true);
      expect(info.status, code).toBeGreaterThanOrEqual(400);
    }
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("ECONNREFUSED")).toBe(false);
  });
});
