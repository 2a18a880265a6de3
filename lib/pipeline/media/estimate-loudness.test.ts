import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseAudio } from "./analyse-audio";
import { estimateLoudness, loudnessSampleRanges } from "./estimate-loudness";
import { generateMedia, generateSpeech } from "@/test/support/test-media";

describe("loudnessSampleRanges", () => {
  it("centres one 4 s window in each of 96 slices of an hour", () => {
    const ranges = loudnessSampleRanges(3_600_000);
    expect(ranges).toHaveLength(96);
    expect(ranges[0]).toEqual({ startMs: 16_750, durationMs: 4_000 });
    expect(ranges.at(-1)).toEqual({ startMs: 3_579_250, durationMs: 4_000 });
    for (const [i, range] of ranges.entries())
      expect(range.startMs + range.durationMs / 2).toBeCloseTo((i + 0.5) * 37_500, 0);
  });

  it("keeps windows inside a recording whose slices are barely longer than a window", () => {
    const ranges = loudnessSampleRanges(10_001, 2, 5_000);
    expect(ranges).toEqual([
      { startMs: 0, durationMs: 5_000 },
      { startMs: 5_001, durationMs: 5_000 },
    ]);
  });

  it("takes the whole recording when the windows would cover it", () => {
    expect(loudnessSampleRanges(300_000)).toEqual([{ startMs: 0, durationMs: 300_000 }]);
  });
});

describe("estimateLoudness", () => {
  let dir: string;
  let speech: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "estimate-loudness-"));
    // Stereo MP3, as most uploads, so the windows come from fast seeks in a real container.
    speech = await generateMedia(dir, "speech-130s.mp3", [
      ...["-stream_loop", "-1", "-i", await generateSpeech(dir), "-t", "130"],
      ...["-ac", "2", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "128k"],
    ]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("agrees with the whole-recording measurement on steady speech", async () => {
    const whole = await analyseAudio(speech, 130_000);
    const estimate = await estimateLoudness(speech, 130_000, { windowCount: 12, windowMs: 3_000 });
    expect(Math.abs(estimate.integratedLufs - whole.integratedLufs)).toBeLessThan(0.5);
    expect(estimate.samplePeakDb).toBeLessThanOrEqual(whole.samplePeakDb + 0.1);
    expect(estimate.samplePeakDb).toBeGreaterThan(whole.samplePeakDb - 6);
  });

  it("gives the same answer from one process or several", async () => {
    const options = { windowCount: 12, windowMs: 3_000 };
    const one = await estimateLoudness(speech, 130_000, { ...options, parallelism: 1 });
    const two = await estimateLoudness(speech, 130_000, { ...options, parallelism: 2 });
    expect(two.integratedLufs).toBeCloseTo(one.integratedLufs, 1);
    expect(two.samplePeakDb).toBeCloseTo(one.samplePeakDb, 1);
  });
});
