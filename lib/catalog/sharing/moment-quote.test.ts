import { describe, expect, it } from "vitest";
import { momentQuote } from "./moment-quote";

const segment = (startS: number, endS: number, text: string) => ({
  startMs: startS * 1000,
  endMs: endS * 1000,
  text,
});

const sermon = [
  segment(0, 4, "Good morning, church."),
  segment(4, 9, "Please turn with me to Romans 8:1."),
  segment(30, 36, "There is therefore now no condemnation for those who are in Christ Jesus."),
  segment(36, 40, "None."),
];

describe("momentQuote", () => {
  it("quotes the sentence spoken at the moment, joining short ones that follow on", () => {
    expect(momentQuote(sermon, 5)).toBe("Please turn with me to Romans 8:1.");
    expect(momentQuote(sermon, 1)).toBe("Good morning, church. Please turn with me to Romans 8:1.");
    // In the pause after a sentence, it is still the one last said.
    expect(momentQuote(sermon, 20)).toBe("Please turn with me to Romans 8:1.");
    expect(momentQuote(sermon, 31)).toBe(
      "There is therefore now no condemnation for those who are in Christ Jesus. None.",
    );
  });

  it("cuts a long sentence at a word, and is null without a transcript", () => {
    const long = [segment(0, 60, `${"Grace upon grace ".repeat(30).trim()}.`)];
    // 13 of the 30 "Grace upon grace" fit in 220 characters.
    expect(momentQuote(long, 10)).toBe(`${"Grace upon grace ".repeat(13).trim()}…`);
    expect(momentQuote([], 10)).toBeNull();
  });
});
