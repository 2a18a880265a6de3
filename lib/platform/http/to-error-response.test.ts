import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/platform/errors/app-error";
import { GENERIC_ERROR_MESSAGE, toErrorResponse } from "./to-error-response";
import { withErrorResponse } from "./with-error-response";
import { webLogger } from "@/lib/platform/telemetry/logger";

const answer = async (response: Response) => ({
  status: response.status,
  body: await response.json(),
});

afterEach(() => vi.restoreAllMocks());

describe("toErrorResponse", () => {
  it("answers an AppError with its status and { error: { code, message } }", async () => {
    expect(
      await answer(
        toErrorResponse(
          new AppError("church_not_found", "No such church, or you are not a member of it."),
        ),
      ),
    ).toEqual({
      status: 404,
      body: {
        error: {
          code: "church_not_found",
          message: "No such church, or you are not a member of it.",
        },
      },
    });
  });

  it("adds field errors and details, and the headers asked for", async () => {
    const fields = { passage: ['"Hezekiah 4" is not a Bible reference we recognise.'] };
    expect(
      await answer(toErrorResponse(AppError.invalidInput("The search is not valid.", fields))),
    ).toEqual({
      status: 422,
      body: { error: { code: "invalid_request", message: "The search is not valid.", fields } },
    });
    const captions = new AppError("invalid_captions", "Line 6: the cue ends before it starts", {
      details: { line: 6 },
    });
    expect((await answer(toErrorResponse(captions))).body).toEqual({
      error: {
        code: "invalid_captions",
        message: "Line 6: the cue ends before it starts",
        line: 6,
      },
    });
    const challenged = toErrorResponse(new AppError("unauthenticated", "Send the token."), {
      headers: { "www-authenticate": "Bearer" },
    });
    expect(challenged.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("answers anything else with a generic 500, logging the error and keeping its stack out of the body", async () => {
    const log = vi.spyOn(webLogger(), "error").mockImplementation(() => {});
    const error = new Error("connect ECONNREFUSED 10.0.0.5:5432");
    const response = toErrorResponse(error, { where: "GET /api/search" });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: GENERIC_ERROR_MESSAGE },
    });
    expect(text).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|at .*\.ts/);
    expect(log).toHaveBeenCalledWith(
      { err: error, where: "GET /api/search" },
      "GET /api/search failed",
    );
  });

  it("treats an operator-only AppError (a bad setting) as internal, and a thrown non-Error too", async () => {
    vi.spyOn(webLogger(), "error").mockImplementation(() => {});
    const setting = new AppError(
      "misconfigured",
      "Invalid environment:\n  - DATABASE_URL: is required",
    );
    expect(
      await answer(
        toErrorResponse(setting, {
          internalMessage: "Search is unavailable right now; try again.",
        }),
      ),
    ).toEqual({
      status: 500,
      body: { error: { code: "internal", message: "Search is unavailable right now; try again." } },
    });
    expect((await answer(toErrorResponse("boom"))).body.error.code).toBe("internal");
  });
});

describe("a request the client cut off", () => {
  it("answers without logging an error: the page went away mid-request, not Selah", () => {
    const error = vi.spyOn(webLogger(), "error").mockImplementation(() => {});
    const info = vi.spyOn(webLogger(), "info").mockImplementation(() => {});
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(toErrorResponse(aborted, { where: "POST /api/me/progress/x" }).status).toBe(400);
    expect(error).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledOnce();
    // A reset elsewhere (a database connection) is still Selah's failure.
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    expect(toErrorResponse(reset).status).toBe(500);
    expect(error).toHaveBeenCalledOnce();
  });
});

describe("withErrorResponse", () => {
  it("turns what a handler throws into the mapped answer, naming the request in the log", async () => {
    const log = vi.spyOn(webLogger(), "error").mockImplementation(() => {});
    const GET = withErrorResponse(async (request: Request) => {
      if (new URL(request.url).searchParams.has("missing"))
        throw AppError.notFound("No such sermon in this church.");
      throw new RangeError("index out of range");
    });
    expect(await answer(await GET(new Request("http://selah.test/api/x?missing")))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "No such sermon in this church." } },
    });
    const failed = await GET(
      new Request("http://selah.test/api/x", { headers: { "x-request-id": "req-7" } }),
    );
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-request-id")).toBe("req-7");
    expect(log).toHaveBeenCalledWith(
      { err: expect.any(RangeError), where: "GET /api/x" },
      "GET /api/x failed",
    );
    const ok = withErrorResponse(async () => Response.json({ fine: true }));
    expect(await answer(await ok(new Request("http://selah.test/")))).toEqual({
      status: 200,
      body: { fine: true },
    });
  });
});

describe("toErrorResponse's Retry-After", () => {
  it("says how long to wait in whole seconds when a 429 or 503 knows it", () => {
    const limited = new AppError("rate_limited", "Wait a moment.", { retryAfterMs: 1200 });
    expect(toErrorResponse(limited).headers.get("retry-after")).toBe("2");
    const down = AppError.unavailable("Down.", { retryAfterMs: 10 });
    expect(toErrorResponse(down).headers.get("retry-after")).toBe("1");
    expect(toErrorResponse(new AppError("rate_limited", "Wait.")).headers.has("retry-after")).toBe(
      false,
    );
  });
});
