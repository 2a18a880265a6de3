import { describe, expect, it } from "vitest";
import { parseManuscript } from "./parse-manuscript";

const texts = (text: string) =>
  parseManuscript(text).map((paragraph) =>
    paragraph.sentences.map((sentence) => sentence.words.map((word) => word.text).join(" ")),
  );

describe("parseManuscript", () => {
  it("splits plain text into paragraphs at blank lines and sentences at full stops", () => {
    expect(texts("Grace to you. Peace too!\nAmen?\n\n\nSecond paragraph")).toEqual([
      ["Grace to you.", "Peace too!", "Amen?"],
      ["Second paragraph"],
    ]);
  });

  it("drops Markdown formatting to the words it shows and keeps headings as paragraphs", () => {
    const markdown = [
      "# The **Good** Shepherd",
      "Read [Psalm 23](https://example.org/ps23) with *me*, and `slowly`.",
      "",
      "> The Lord is my shepherd.",
      "- first point",
      "1. second point",
      "",
      "---",
      "![a picture](x.png)<br>Closing _prayer_.",
    ].join("\n");
    expect(texts(markdown)).toEqual([
      ["The Good Shepherd"],
      ["Read Psalm 23 with me, and slowly."],
      ["The Lord is my shepherd.", "first point second point"],
      ["Closing prayer."],
    ]);
  });

  it("gives each word the tokens a recogniser would hear, numbers spelled out", () => {
    const [paragraph] = parseManuscript("John 3:16 — for God so loved");
    expect(paragraph?.sentences[0]?.words.slice(0, 2)).toEqual([
      { text: "John", tokens: ["john"] },
      { text: "3:16 —", tokens: ["three", "sixteen"] },
    ]);
  });

  it("gives nothing for a manuscript with no words", () => {
    expect(parseManuscript("\n\n---\n\n")).toEqual([]);
  });
});
