import { describe, expect, it } from "vitest";
import { parsePassages } from "./parse-passages";

describe("parsePassages", () => {
  it("turns free text into normalised ranges with integer keys", () => {
    const { passages, unrecognised } = parsePassages("John 3:16-21; Rom 8");
    expect(unrecognised).toEqual([]);
    expect(passages).toEqual([
      {
        book: "John",
        startChapter: 3,
        startVerse: 16,
        endChapter: 3,
        endVerse: 21,
        startKey: 43_003_016,
        endKey: 43_003_021,
        text: "John 3:16–21",
      },
      {
        book: "Rom",
        startChapter: 8,
        startVerse: 1,
        endChapter: 8,
        endVerse: 39,
        startKey: 45_008_001,
        endKey: 45_008_039,
        text: "Romans 8",
      },
    ]);
  });

  it("keeps separate ranges within one book and chapter spans", () => {
    expect(parsePassages("1 Cor 13:4-7, 13").passages.map((p) => p.text)).toEqual([
      "1 Corinthians 13:4–7",
      "1 Corinthians 13:13",
    ]);
    expect(parsePassages("Genesis 1-3").passages.map((p) => p.text)).toEqual(["Genesis 1–3"]);
    expect(parsePassages("Ps 23").passages[0]).toMatchObject({
      book: "Ps",
      text: "Psalm 23",
      startKey: 19_023_001,
    });
  });

  it("flags what it cannot read instead of dropping it", () => {
    const { passages, unrecognised } = parsePassages("Hezekiah 4:2; John 1:1\nthe bit about love");
    expect(passages.map((p) => p.text)).toEqual(["John 1:1"]);
    expect(unrecognised).toEqual(["Hezekiah 4:2", "the bit about love"]);
  });
});
