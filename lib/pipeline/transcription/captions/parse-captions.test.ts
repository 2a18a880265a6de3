import { describe, expect, it } from "vitest";
import { CaptionsRejectedError } from "./captions-rejected-error";
import { MAX_CAPTION_BYTES, parseCaptions } from "./parse-captions";

const bytes = (text: string) => new TextEncoder().encode(text);
const rejection = (data: Uint8Array) => {
  try {
    parseCaptions(data);
  } catch (error) {
    expect(error).toBeInstanceOf(CaptionsRejectedError);
    return error as CaptionsRejectedError;
  }
  throw new Error("expected the file to be rejected");
};

describe("parseCaptions", () => {
  it("reads WebVTT cues with hours, ids, settings, voice tags, styling and NOTE blocks", () => {
    const vtt = [
      "WEBVTT - sermon captions",
      "",
      "NOTE written by hand",
      "",
      "intro",
      "00:00.500 --> 00:04.000 align:start",
      "<v Pastor Ann>Grace and <b>peace</b> to you &amp; yours.",
      "",
      "01:02:03.250 --> 01:02:05.000",
      "Let us pray,",
      "and give thanks.",
      "",
    ].join("\r\n");
    expect(parseCaptions(bytes(vtt))).toEqual({
      format: "vtt",
      cues: [
        {
          startMs: 500,
          endMs: 4000,
          text: "Grace and peace to you & yours.",
          speaker: "Pastor Ann",
        },
        {
          startMs: 3_723_250,
          endMs: 3_725_000,
          text: "Let us pray, and give thanks.",
          speaker: null,
        },
      ],
    });
  });

  it("reads SRT with its counters and comma milliseconds", () => {
    const srt =
      "1\n00:00:01,000 --> 00:00:02,500\n<i>Good morning.</i>\n\n2\n00:00:02,500 --> 00:00:04,000\n{\\an8}Please sit.\n";
    expect(parseCaptions(bytes(srt))).toEqual({
      format: "srt",
      cues: [
        { startMs: 1000, endMs: 2500, text: "Good morning.", speaker: null },
        { startMs: 2500, endMs: 4000, text: "Please sit.", speaker: null },
      ],
    });
  });

  it("rejects a malformed timestamp with its line", () => {
    const error = rejection(
      bytes("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03 --> 00:00:04.000\nTwo\n"),
    );
    expect(error.line).toBe(6);
    expect(error.message).toMatch(/^Line 6: malformed timestamp "00:00:03 --> 00:00:04.000"/);
  });

  it("rejects a cue that ends before it starts", () => {
    expect(rejection(bytes("1\n00:00:05,000 --> 00:00:04,000\nBackwards\n")).line).toBe(2);
  });

  it("rejects overlapping cues, naming the cue they overlap", () => {
    const error = rejection(
      bytes("1\n00:00:01,000 --> 00:00:05,000\nOne\n\n2\n00:00:04,000 --> 00:00:06,000\nTwo\n"),
    );
    expect(error.line).toBe(6);
    expect(error.message).toContain("before the cue on line 2 ends (00:00:05.000)");
  });

  it("rejects binary data at the line it appears", () => {
    const data = new Uint8Array([
      ...bytes("WEBVTT\n\n00:01.000 --> 00:02.000\n"),
      0x89,
      0x50,
      0x4e,
      0x47,
      0x00,
      0x0a,
    ]);
    const error = rejection(data);
    expect(error.line).toBe(4);
    expect(error.message).toContain("binary data");
    expect(rejection(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x0a])).line).toBe(1);
  });

  it("rejects more than 50 MB of text at the line that crosses the limit", () => {
    const cue = (i: number) => `${i + 1}\n${time(i)} --> ${time(i + 1)}\n${"word ".repeat(40)}\n\n`;
    const count = Math.ceil(MAX_CAPTION_BYTES / cue(0).length);
    const text = Array.from({ length: count }, (_, i) => cue(i)).join("");
    const lines = text.split("\n");
    let crossing = 0;
    for (let total = 0; total <= MAX_CAPTION_BYTES; crossing++)
      total += (lines[crossing]?.length ?? 0) + 1;
    const error = rejection(bytes(text));
    expect(error.message).toContain("larger than 50 MB");
    expect(error.line).toBe(crossing);
  });

  it("rejects a file without cues, and cue text running into the next timing", () => {
    expect(rejection(bytes("WEBVTT\n\n")).message).toContain("no captions");
    expect(
      rejection(bytes("1\n00:00:01,000 --> 00:00:02,000\nOne\n00:00:02,000 --> 00:00:03,000\n"))
        .line,
    ).toBe(4);
  });
});

function time(seconds: number): string {
  const s = seconds % 60;
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")},000`;
}
