import { describe, expect, it } from "vitest";
import { isGainWithinTolerance, loudnessGain } from "./loudness-gain";

it("raises a quiet recording to -16 LUFS without a limiter when its peaks stay clear", () => {
  expect(loudnessGain({ integratedLufs: -24, samplePeakDb: -12 })).toEqual({
    gainDb: 8,
    isLimited: false,
  });
});

it("asks for the limiter when the gain would push peaks to full scale", () => {
  expect(loudnessGain({ integratedLufs: -24, samplePeakDb: -6 })).toEqual({
    gainDb: 8,
    isLimited: true,
  });
});

it("turns a loud recording down", () => {
  expect(loudnessGain({ integratedLufs: -10, samplePeakDb: -0.1 })).toEqual({
    gainDb: -6,
    isLimited: false,
  });
});

it("limits earlier by the margin asked for a sampled peak", () => {
  const sampled = { integratedLufs: -24, samplePeakDb: -12 };
  expect(loudnessGain(sampled, { peakMarginDb: 2 }).isLimited).toBe(false);
  expect(loudnessGain(sampled, { peakMarginDb: 6 }).isLimited).toBe(true);
});

describe("isGainWithinTolerance", () => {
  const measured = { integratedLufs: -24, samplePeakDb: -12 };

  it("accepts a gain within 1 LU of the measured one", () => {
    expect(isGainWithinTolerance({ gainDb: 8.9, isLimited: false }, measured)).toBe(true);
    expect(isGainWithinTolerance({ gainDb: 7.1, isLimited: true }, measured)).toBe(true);
  });

  it("rejects one further off", () => {
    expect(isGainWithinTolerance({ gainDb: 9.2, isLimited: true }, measured)).toBe(false);
    expect(isGainWithinTolerance({ gainDb: 6.5, isLimited: true }, measured)).toBe(false);
  });

  it("rejects an unlimited gain that would take the real peak to full scale", () => {
    const peaky = { integratedLufs: -24, samplePeakDb: -8.5 };
    expect(isGainWithinTolerance({ gainDb: 8, isLimited: false }, peaky)).toBe(false);
    expect(isGainWithinTolerance({ gainDb: 8, isLimited: true }, peaky)).toBe(true);
    // Within the headroom but short of full scale: no clipping, nothing to redo.
    expect(isGainWithinTolerance({ gainDb: 8, isLimited: false }, measured)).toBe(true);
  });
});
