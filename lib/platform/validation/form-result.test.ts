import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/platform/errors/app-error";
import { webLogger } from "@/lib/platform/telemetry/logger";
import { FormError, toFormResult } from "./form-result";

afterEach(() => vi.restoreAllMocks());

describe("toFormResult", () => {
  it("refuses the form with the AppError's message, keeping what was submitted", () => {
    expect(
      toFormResult(
        new AppError("church_not_found", "No such church, or you are not a member of it."),
        { title: "Grace" },
      ),
    ).toEqual({
      ok: false,
      message: "No such church, or you are not a member of it.",
      values: { title: "Grace" },
    });
  });

  it("passes field errors on", () => {
    const error = new FormError({ name: ["There is already a speaker with this name."] });
    expect(error).toMatchObject({ code: "invalid_request", status: 422 });
    expect(toFormResult(error)).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { name: ["There is already a speaker with this name."] },
    });
  });

  it("replaces an operator-only message with a generic one and logs it", () => {
    const log = vi.spyOn(webLogger(), "error").mockImplementation(() => {});
    const setting = new AppError(
      "misconfigured",
      "Invalid environment:\n  - S3_BUCKET: is required",
    );
    expect(toFormResult(setting).message).toBe("Something went wrong on our side; try again.");
    expect(log).toHaveBeenCalledOnce();
  });
});
