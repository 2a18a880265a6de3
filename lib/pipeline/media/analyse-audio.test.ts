import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseAudio } from "./analyse-audio";
import { MediaRejectedError } from "./media-rejected-error";
import {
  generateMedia,
  generateSpeech,
  measureLoudnessWithFfmpeg,
} from "@/test/support/test-media";

let dir: string;
let toneSilenceTone: string;
let speech: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "analyse-audio-"));
  // Tone 0–5 s, digital silence 5–8 s, tone 8–12 s.
  toneSilenceTone = await generateMedia(dir, "tone-silence-tone.wav", [
    "-filter_complex",
    "sine=frequency=440:sample_rate=44100:duration=5[a];" +
      "anullsrc=r=44100:cl=mono,atrim=duration=3[b];" +
      "sine=frequency=440:sample_rate=44100:duration=4[c];" +
      "[a][b][c]concat=n=3:v=0:a=1",
  ]);
  speech = await generateSpeech(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("analyseAudio on tone 0–5 s, silence 5–8 s, tone 8–12 s", () => {
  it("finds exactly the silence", async () => {
    const { silences } = await analyseAudio(toneSilenceTone, 12_000);
    expect(silences).toHaveLength(1);
    expect(silences[0]!.startMs).toBeGreaterThanOrEqual(4_900);
    expect(silences[0]!.startMs).toBeLessThanOrEqual(5_100);
    expect(silences[0]!.endMs).toBeGreaterThanOrEqual(7_900);
    expect(silences[0]!.endMs).toBeLessThanOrEqual(8_100);
  });

  it("draws full-height peaks for the tone and flat ones for the silence", async () => {
    const { peaks } = await analyseAudio(toneSilenceTone, 12_000, { bucketMs: 500 });
    expect(peaks.bucketMs).toBe(500);
    expect(peaks.max).toHaveLength(24);
    expect(peaks.min).toHaveLength(24);
    const loud = [...peaks.max.slice(0, 10), ...peaks.max.slice(16)];
    expect(Math.max(...peaks.max)).toBe(1);
    for (const max of loud) expect(max).toBeGreaterThan(0.95);
    for (const min of [...peaks.min.slice(0, 10), ...peaks.min.slice(16)])
      expect(min).toBeLessThan(-0.95);
    // Not exactly 0 next to the tone: the resampler's filter rings for a few milliseconds.
    for (const value of [...peaks.max.slice(10, 16), ...peaks.min.slice(10, 16)])
      expect(Math.abs(value)).toBeLessThanOrEqual(0.05);
  });

  it("measures the loudness ffmpeg's EBU R128 meter measures, silence gated out", async () => {
    const { integratedLufs } = await analyseAudio(toneSilenceTone, 12_000);
    expect(
      Math.abs(integratedLufs - (await measureLoudnessWithFfmpeg(toneSilenceTone))),
    ).toBeLessThan(0.3);
  });
});

describe("analyseAudio on speech", () => {
  it("agrees with ffmpeg's meter within 0.5 LU", async () => {
    const { integratedLufs } = await analyseAudio(speech, 17_000);
    expect(Math.abs(integratedLufs - (await measureLoudnessWithFfmpeg(speech)))).toBeLessThan(0.5);
  });

  it("gives the same answer whether decoded in one range or in parallel ranges", async () => {
    const long = await generateMedia(dir, "speech-130s.flac", [
      "-stream_loop",
      "-1",
      "-i",
      speech,
      "-t",
      "130",
    ]);
    // Pauses between espeak's sentences are short; count them so the comparison has content.
    const whole = await analyseAudio(long, 130_000, { parallelism: 1, minSilenceMs: 200 });
    const split = await analyseAudio(long, 130_000, { parallelism: 2, minSilenceMs: 200 });
    expect(split.integratedLufs).toBeCloseTo(whole.integratedLufs, 1);
    expect(split.silences).toEqual(whole.silences);
    expect(split.peaks.max.length).toBe(whole.peaks.max.length);
    const differing = split.peaks.max.filter((v, i) => Math.abs(v - whole.peaks.max[i]!) > 0.02);
    expect(differing.length).toBeLessThanOrEqual(2);
    expect(whole.silences.length).toBeGreaterThan(3);
  });
});

it("rejects a silent recording", async () => {
  const silent = await generateMedia(dir, "silent.wav", [
    "-f",
    "lavfi",
    "-i",
    "anullsrc=r=22050:cl=mono",
    "-t",
    "4",
  ]);
  const error = await analyseAudio(silent, 4_000).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MediaRejectedError);
  expect((error as MediaRejectedError).reason).toBe("silent");
});
