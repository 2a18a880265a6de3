import { expect, it } from "vitest";
import { loudnessGain } from "./loudness-gain";

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
