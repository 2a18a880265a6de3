import { describe, expect, it } from "vitest";
import { numberToWords } from "./number-to-words";
import { spokenTokens } from "./spoken-tokens";

describe("spokenTokens", () => {
  it("lowercases and drops punctuation but keeps apostrophes inside a word", () => {
    expect(spokenTokens("“Don’t,")).toEqual(["don't"]);
    expect(spokenTokens("Church.")).toEqual(["church"]);
    expect(spokenTokens("—")).toEqual([]);
  });

  it("spells numbers out as a preacher says them", () => {
    expect(spokenTokens("3:16")).toEqual(["three", "sixteen"]);
    expect(spokenTokens("119")).toEqual(["one", "hundred", "nineteen"]);
    expect(spokenTokens("1st")).toEqual(["one"]);
    expect(spokenTokens("1611")).toEqual(["sixteen", "eleven"]);
    expect(spokenTokens("2,000")).toEqual(["two", "thousand"]);
  });

  it("splits hyphenated words and ranges", () => {
    expect(spokenTokens("well-known")).toEqual(["well", "known"]);
    expect(spokenTokens("2-4")).toEqual(["two", "four"]);
  });
});

describe("numberToWords", () => {
  it("reads years as pairs and round thousands as thousands", () => {
    expect(numberToWords(1905)).toEqual(["nineteen", "oh", "five"]);
    expect(numberToWords(2024)).toEqual(["two", "thousand", "twenty", "four"]);
    expect(numberToWords(3000)).toEqual(["three", "thousand"]);
    expect(numberToWords(40)).toEqual(["forty"]);
    expect(numberToWords(12345)).toEqual(["one", "two", "three", "four", "five"]);
  });
});
