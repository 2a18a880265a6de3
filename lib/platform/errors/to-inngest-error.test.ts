import { Inngest, NonRetriableError, RetryAfterError, type Middleware } from "inngest";
import { describe, expect, it } from "vitest";
import { AppErrorMiddleware } from "./app-error-middleware";
import { AppError } from "./app-error";
import { toInngestError } from "./to-inngest-error";

describe("toInngestError", () => {
  it("ends the run for an AppError no retry can fix, keeping the message and the original", () => {
    const rejected = new AppError("media_rejected", "This file has no audio track.");
    const mapped = toInngestError(rejected);
    expect(mapped).toBeInstanceOf(NonRetriableError);
    expect((mapped as NonRetriableError).message).toBe("This file has no audio track.");
    expect((mapped as NonRetriableError).cause).toBe(rejected);
  });

  it("waits as long as the other side said for a retriable one (at least a second)", () => {
    const busy = AppError.unavailable("The provider is busy.", { retryAfterMs: 7000 });
    const mapped = toInngestError(busy);
    expect(mapped).toBeInstanceOf(RetryAfterError);
    expect((mapped as RetryAfterError).retryAfter).toBe("7");
    expect(
      (toInngestError(AppError.unavailable("Busy.", { retryAfterMs: 10 })) as RetryAfterError)
        .retryAfter,
    ).toBe("1");
  });

  it("rethrows retriable failures and unknown errors as they are, for Inngest's backoff", () => {
    const outage = AppError.unavailable("The provider is down.");
    expect(toInngestError(outage)).toBe(outage);
    const unknown = new TypeError("fetch failed");
    expect(toInngestError(unknown)).toBe(unknown);
    expect(toInngestError("a string")).toBe("a string");
  });
});

describe("AppErrorMiddleware", () => {
  const middleware = new AppErrorMiddleware({ client: new Inngest({ id: "errors-test" }) });
  const failing = (error: unknown) =>
    ({ next: () => Promise.reject(error) }) as unknown as Middleware.WrapStepHandlerArgs;

  it("maps what a step attempt or a run throws, and passes results through", async () => {
    const rejected = new AppError(
      "transcription_rejected",
      "Deepgram refused the request (401): check the API key.",
    );
    await expect(middleware.wrapStepHandler(failing(rejected))).rejects.toBeInstanceOf(
      NonRetriableError,
    );
    await expect(middleware.wrapFunctionHandler(failing(rejected))).rejects.toBeInstanceOf(
      NonRetriableError,
    );
    const unknown = new Error("socket hang up");
    await expect(middleware.wrapStepHandler(failing(unknown))).rejects.toBe(unknown);
    const ok = {
      next: () => Promise.resolve({ chunkCount: 3 }),
    } as unknown as Middleware.WrapStepHandlerArgs;
    await expect(middleware.wrapStepHandler(ok)).resolves.toEqual({ chunkCount: 3 });
  });
});
