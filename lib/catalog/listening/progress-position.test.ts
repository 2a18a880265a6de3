import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/platform/errors/app-error";
import { MAX_POSITION_MS, parseProgressBody, settlePosition } from "./progress-position";

describe("parseProgressBody", () => {
  it("takes a position in milliseconds, rounded to whole ones", () => {
    expect(parseProgressBody({ positionMs: 600_000 })).toBe(600_000);
    expect(parseProgressBody({ positionMs: 1234.6 })).toBe(1235);
    expect(parseProgressBody({ positionMs: 0 })).toBe(0);
  });

  it.each([
    ["negative", { positionMs: -1 }],
    ["NaN as a string", { positionMs: "NaN" }],
    ["a numeric string", { positionMs: "600000" }],
    ["Infinity (JSON's 1e400)", JSON.parse('{ "positionMs": 1e400 }')],
    ["missing", {}],
    ["null", null],
    ["an array", [600_000]],
  ])("refuses %s with a 400 that says what to send", (_, body) => {
    const error = (() => {
      try {
        parseProgressBody(body);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: "bad_request" });
    expect((error as AppError).message).toMatch(/positionMs must be a number/);
  });
});

describe("settlePosition", () => {
  it("keeps a position inside the sermon, completed within 30 s of the end", () => {
    expect(settlePosition(600_000, 3_600_000)).toEqual({ positionMs: 600_000, completed: false });
    expect(settlePosition(3_569_999, 3_600_000)).toEqual({
      positionMs: 3_569_999,
      completed: false,
    });
    expect(settlePosition(3_570_000, 3_600_000)).toEqual({
      positionMs: 3_570_000,
      completed: true,
    });
  });

  it("clamps a position past the end to the end, completed", () => {
    expect(settlePosition(9_000_000, 3_600_000)).toEqual({
      positionMs: 3_600_000,
      completed: true,
    });
  });

  it("uses a tenth of a short sermon as the margin", () => {
    expect(settlePosition(50_000, 60_000)).toEqual({ positionMs: 50_000, completed: false });
    expect(settlePosition(54_000, 60_000)).toEqual({ positionMs: 54_000, completed: true });
  });

  it("keeps at most a day while the length is unknown, never completed", () => {
    expect(settlePosition(9_000_000, null)).toEqual({ positionMs: 9_000_000, completed: false });
    expect(settlePosition(1e12, null)).toEqual({ positionMs: MAX_POSITION_MS, completed: false });
  });
});
