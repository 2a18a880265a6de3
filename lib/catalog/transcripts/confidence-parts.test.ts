import { describe, expect, it } from "vitest";
import { confidenceParts } from "./confidence-parts";

const thresholds = { dimBelow: 0.5, unclearBelow: 0.2, unclearRunWords: 3 };

describe("confidenceParts", () => {
  it("leaves a confident segment as one clear part", () => {
    expect(confidenceParts("Let us pray.", [0.9, 0.8, 0.95], 0.88, thresholds)).toEqual([
      { text: "Let us pray.", level: "clear" },
    ]);
  });

  it("dims doubtful words and a short run of guesses, keeping the words", () => {
    expect(
      confidenceParts("grace to you and peace", [0.9, 0.3, 0.1, 0.05, 0.9], 0.45, thresholds),
    ).toEqual([
      { text: "grace", level: "clear" },
      { text: "to you and", level: "doubtful" },
      { text: "peace", level: "clear" },
    ]);
  });

  it("turns a run of guesses at least unclearRunWords long into one unclear part", () => {
    expect(
      confidenceParts(
        "and then the parking lot closed early today",
        [0.9, 0.8, 0.1, 0.05, 0.02, 0.15, 0.4, 0.9],
        0.4,
        thresholds,
      ),
    ).toEqual([
      { text: "and then", level: "clear" },
      { text: "the parking lot closed", level: "unclear" },
      { text: "early", level: "doubtful" },
      { text: "today", level: "clear" },
    ]);
  });

  it("judges the whole segment by its own figure when the words do not line up", () => {
    expect(confidenceParts("one two three", [], 0.1, thresholds)).toEqual([
      { text: "one two three", level: "unclear" },
    ]);
    expect(confidenceParts("one two", [], 0.1, thresholds)).toEqual([
      { text: "one two", level: "doubtful" },
    ]);
    expect(confidenceParts("one two three", [0.9], 0.35, thresholds)).toEqual([
      { text: "one two three", level: "doubtful" },
    ]);
  });

  it("marks nothing in a transcript nobody guessed (uploaded captions)", () => {
    expect(confidenceParts("Good morning, church.", [], null, thresholds)).toEqual([
      { text: "Good morning, church.", level: "clear" },
    ]);
  });

  it("uses the named thresholds by default", () => {
    expect(confidenceParts("a b c", [0.01, 0.01, 0.01], 0.01)).toEqual([
      { text: "a b c", level: "unclear" },
    ]);
  });
});
