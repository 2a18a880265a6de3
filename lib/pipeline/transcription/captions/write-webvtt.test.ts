import { describe, expect, it } from "vitest";
import { parseCaptions } from "./parse-captions";
import { MAX_LINE_CHARS, wrapText, writeWebVtt } from "./write-webvtt";

describe("writeWebVtt", () => {
  const long =
    "When we gather together on the Lord's day we remember that we are not alone, that the saints of every " +
    "age stand with us, and that the promises made to Abraham & Sarah are ours <today> in Christ Jesus our Lord.";

  it("keeps every line within 65 characters and two lines per cue, splitting time by characters", () => {
    const vtt = writeWebVtt([
      { startMs: 1000, endMs: 2500, text: "Good morning.", speaker: null },
      { startMs: 3000, endMs: 23_000, text: long, speaker: "Speaker 1" },
    ]);
    expect(vtt.startsWith("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nGood morning.\n")).toBe(true);
    for (const line of vtt.split("\n")) expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);

    const { cues } = parseCaptions(new TextEncoder().encode(vtt));
    expect(cues.length).toBeGreaterThan(2);
    expect(cues[1]).toMatchObject({ startMs: 3000, speaker: "Speaker 1" });
    expect(cues.at(-1)?.endMs).toBe(23_000);
    expect(
      cues
        .slice(1)
        .map((c) => c.text)
        .join(" "),
    ).toBe(long);
    // The pieces of one sentence follow each other without gaps.
    for (let i = 2; i < cues.length; i++) expect(cues[i]!.startMs).toBe(cues[i - 1]!.endMs);
  });

  it("wraps words greedily and splits a word longer than a line", () => {
    expect(wrapText("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
    expect(wrapText("x".repeat(12), 5)).toEqual(["xxxxx", "xxxxx", "xx"]);
  });
});
