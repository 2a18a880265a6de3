import { describe, expect, it } from "vitest";
import { integratedLoudness } from "./integrated-loudness";

const samplesPerQuarter = 1600;

function quarters(levels: number[]): [Float64Array, Float64Array] {
  const energy = Float64Array.from(
    levels,
    (lufs) => samplesPerQuarter * 10 ** ((lufs + 0.691) / 10),
  );
  return [energy, new Float64Array(levels.length).fill(samplesPerQuarter)];
}

describe("integratedLoudness", () => {
  it("is the level of a steady signal", () => {
    expect(integratedLoudness(...quarters(new Array(50).fill(-23)), samplesPerQuarter)).toBeCloseTo(
      -23,
      6,
    );
  });

  it("ignores silence below the absolute gate", () => {
    const levels = [...new Array(50).fill(-23), ...new Array(50).fill(-90)];
    // Ungated this would be -26; the three blocks straddling the edge still count (-0.13).
    expect(integratedLoudness(...quarters(levels), samplesPerQuarter)).toBeCloseTo(-23, 0);
  });

  it("ignores quiet passages more than 10 LU below the mean (relative gate)", () => {
    const levels = [...new Array(50).fill(-20), ...new Array(50).fill(-45)];
    expect(integratedLoudness(...quarters(levels), samplesPerQuarter)).toBeCloseTo(-20, 0);
  });

  it("averages energy, not decibels, across passages that pass the gates", () => {
    const levels = [...new Array(200).fill(-20), ...new Array(200).fill(-26)];
    const expected = 10 * Math.log10((10 ** -2 + 10 ** -2.6) / 2);
    expect(integratedLoudness(...quarters(levels), samplesPerQuarter)).toBeCloseTo(expected, 1);
  });

  it("is -Infinity for silence", () => {
    expect(integratedLoudness(...quarters(new Array(20).fill(-100)), samplesPerQuarter)).toBe(
      -Infinity,
    );
  });
});
