import { describe, expect, it } from "vitest";
import { AlignmentTooLargeError, alignTokenSequences } from "./align-token-sequences";

const show = (a: string[], b: string[], minBand?: number) =>
  alignTokenSequences(a, b, minBand === undefined ? {} : { minBand }).map((pair) =>
    pair.isMatch ? a[pair.a ?? -1] : `${a[pair.a ?? -1] ?? "-"}/${b[pair.b ?? -1] ?? "-"}`,
  );

describe("alignTokenSequences", () => {
  it("pairs equal sequences one to one", () => {
    expect(show(["a", "b", "c"], ["a", "b", "c"])).toEqual(["a", "b", "c"]);
  });

  it("finds substitutions, deletions and insertions at least cost", () => {
    expect(
      show(["the", "lord", "is", "my", "shepherd"], ["the", "lord", "my", "shepherd"]),
    ).toEqual(["the", "lord", "is/-", "my", "shepherd"]);
    expect(show(["the", "lord", "is"], ["the", "good", "lord", "is"])).toEqual([
      "the",
      "-/good",
      "lord",
      "is",
    ]);
    expect(show(["blessed", "are", "the", "meek"], ["blessed", "our", "the", "meek"])).toEqual([
      "blessed",
      "are/our",
      "the",
      "meek",
    ]);
  });

  it("handles empty sides", () => {
    expect(show([], ["x", "y"])).toEqual(["-/x", "-/y"]);
    expect(show(["x"], [])).toEqual(["x/-"]);
  });

  it("stays exact with a narrow band when one side has a long run the other lacks", () => {
    const a = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const b = [...a.slice(0, 10), ...a.slice(40)];
    const pairs = alignTokenSequences(a, b, { minBand: 5 });
    expect(pairs.filter((pair) => pair.isMatch)).toHaveLength(30);
    expect(pairs.filter((pair) => pair.b === undefined)).toHaveLength(30);
  });
});

describe("alignTokenSequences' memory bound", () => {
  it("refuses sides too different in length to align within memory", () => {
    const long = Array.from({ length: 40_000 }, (_, i) => `w${i % 50}`);
    expect(() => alignTokenSequences(long, long.slice(0, 8_000))).toThrow(AlignmentTooLargeError);
  });
});
