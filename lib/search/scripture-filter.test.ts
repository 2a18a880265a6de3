import { describe, expect, it } from "vitest";
import { parseScriptureFilter, UnrecognisedScriptureError } from "./scripture-filter";

describe("parseScriptureFilter", () => {
  it("reads books, chapters and verse ranges as key ranges", () => {
    expect(parseScriptureFilter("Romans")).toEqual({
      label: "Romans",
      ranges: [{ startKey: 45_000_000, endKey: 45_999_999 }],
    });
    expect(parseScriptureFilter("1 Jn")).toMatchObject({
      label: "1 John",
      ranges: [{ startKey: 62_000_000, endKey: 62_999_999 }],
    });
    expect(parseScriptureFilter("John 3")).toEqual({
      label: "John 3",
      ranges: [{ startKey: 43_003_001, endKey: 43_003_036 }],
    });
    expect(parseScriptureFilter("Rom 8:28-39; Ps 23").ranges).toEqual([
      { startKey: 45_008_028, endKey: 45_008_039 },
      { startKey: 19_023_001, endKey: 19_023_006 },
    ]);
  });

  it("refuses what is not a reference, naming it", () => {
    expect(() => parseScriptureFilter("the bit about love")).toThrow(UnrecognisedScriptureError);
    expect(() => parseScriptureFilter("Hezekiah 4")).toThrow(/Hezekiah 4/);
  });
});
