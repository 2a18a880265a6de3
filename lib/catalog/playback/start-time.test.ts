import { describe, expect, it } from "vitest";
import { parseStartTime } from "./start-time";

describe("parseStartTime", () => {
  it.each([
    ["90", 90],
    ["90s", 90],
    ["12.5", 12.5],
    ["1:30", 90],
    ["1:02:05", 3725],
    ["1m30s", 90],
    ["1h", 3600],
  ])("reads %s as %d s", (value, seconds) => {
    expect(parseStartTime(value, 4 * 3600 * 1000)).toBe(seconds);
  });

  it.each([undefined, "", "abc", "-5", "1:75", "90", "2h"])(
    "starts from the beginning for %s in a one-minute sermon",
    (value) => {
      expect(parseStartTime(value, 60_000)).toBe(0);
    },
  );
});
