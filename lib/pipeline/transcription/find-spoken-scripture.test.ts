import { describe, expect, it } from "vitest";
import { findSpokenScripture } from "./find-spoken-scripture";
import { spellOutNumbers } from "./spell-out-numbers";

const at = (text: string, startMs = 10_000, endMs = 20_000) =>
  findSpokenScripture([{ startMs, endMs, text, speaker: null }]);
const texts = (text: string) => at(text).map((p) => p.text);

describe("findSpokenScripture", () => {
  it("finds verse references, spoken or formatted, with the moment they were said", () => {
    expect(texts("For God so loved the world, John 3:16.")).toEqual(["John 3:16"]);
    expect(texts("turn with me to john chapter three verse sixteen")).toEqual(["John 3:16"]);
    expect(texts("Romans 8:28-30 tells us")).toEqual(["Romans 8:28–30"]);
    const [passage] = at("And now, as we read in first John 4 verse 8, God is love.");
    expect(passage).toMatchObject({
      book: "1John",
      startChapter: 4,
      startVerse: 8,
      endVerse: 8,
      text: "1 John 4:8",
    });
    expect(passage!.atMs).toBe(10_000);
  });

  it("takes chapter-only references when a cue, the word chapter or an unmistakable book says so", () => {
    expect(texts("Please turn to Mark 4 in your Bibles")).toEqual(["Mark 4"]);
    expect(texts("Mark chapter 4 is about seeds")).toEqual(["Mark 4"]);
    expect(texts("Psalm 23 is loved by many")).toEqual(["Psalm 23"]);
    expect(texts("romans eight changes everything")).toEqual(["Romans 8"]);
    expect(texts("psalm one hundred and nineteen is long")).toEqual(["Psalm 119"]);
  });

  it("ignores prose that only looks like a reference", () => {
    expect(at("I gave 2 to Mark 4 times last week")).toEqual([]);
    expect(at("small acts 2 of kindness")).toEqual([]);
    expect(at("Job 3 was hard, but the next job was worse")).toEqual([]);
    expect(at("we sang Jude 1 time")).toEqual([]);
  });

  it("keeps one row per passage per segment", () => {
    expect(texts("John 3:16, John 3:16, and again John 3:16")).toEqual(["John 3:16"]);
  });
});

describe("spellOutNumbers", () => {
  it("turns spoken numbers into digits and leaves the rest", () => {
    expect(spellOutNumbers("chapter twenty-one verse three")).toBe("chapter 21 verse 3");
    expect(spellOutNumbers("one hundred and fifty psalms, and everyone")).toBe(
      "150 psalms, and everyone",
    );
  });
});
