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

  it("draws a coarse waveform from the same windows: one bar per slice of the recording", async () => {
    // A quiet tone, loud from 20 to 30 s: six windows of 2 s, centred at 5, 15, 25… s.
    const loudThird = await generateMedia(dir, "loud-third.mp3", [
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=60"],
      ...["-af", "volume='if(between(t,20,30),0.8,0.1)':eval=frame"],
      ...["-c:a", "libmp3lame", "-b:a", "128k"],
    ]);
    const estimate = await estimateLoudness(loudThird, 60_000, { windowCount: 6, windowMs: 2_000 });
    const { bucketMs, max, min } = estimate.windowPeaks;
    expect(bucketMs).toBe(10_000);
    expect(max).toHaveLength(6);
    expect(min).toHaveLength(6);
    expect(max[2]).toBe(1);
    for (const [i, bar] of max.entries()) if (i !== 2) expect(bar).toBeCloseTo(0.13, 1);

    // When the windows would cover the recording, it is read whole: a window's length a bar.
    const whole = await estimateLoudness(loudThird, 60_000, { windowCount: 6, windowMs: 10_000 });
    expect(whole.windowPeaks.bucketMs).toBe(10_000);
    expect(whole.windowPeaks.max).toHaveLength(6);
    expect(whole.windowPeaks.max[2]).toBe(1);
    expect(whole.windowPeaks.max[0]).toBeCloseTo(0.13, 1);
  });

  it("gives the same answer from one process or several", async () => {
    const options = { windowCount: 12, windowMs: 3_000 };
    const one = await estimateLoudness(speech, 130_000, { ...options, parallelism: 1 });
    const two = await estimateLoudness(speech, 130_000, { ...options, parallelism: 2 });
    expect(two.integratedLufs).toBeCloseTo(one.integratedLufs, 1);
    expect(two.samplePeakDb).toBeCloseTo(one.samplePeakDb, 1);
  });
});
