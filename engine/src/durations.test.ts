import { describe, expect, it } from "vitest";
import { parseDuration, resolveWakeTime } from "./durations";

describe("parseDuration", () => {
  it("parses Inngest time strings, compound ones included", () => {
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("2d")).toBe(172_800_000);
    expect(parseDuration("1w")).toBe(604_800_000);
    expect(parseDuration("500ms")).toBe(500);
  });

  it("rejects text that is not a duration", () => {
    expect(() => parseDuration("soon")).toThrow(/invalid duration/);
    expect(() => parseDuration("1h and more")).toThrow(/invalid duration/);
  });

  it("resolves an ISO instant or a duration from now", () => {
    expect(resolveWakeTime("2030-01-01T00:00:00.000Z", 0)).toBe(Date.UTC(2030, 0, 1));
    expect(resolveWakeTime("2s", 1000)).toBe(3000);
  });
});
