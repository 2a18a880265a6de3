import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MediaRejectedError } from "./media-rejected-error";
import { probeMedia } from "./probe-media";
import {
  durationSeconds,
  generateAdtsLoudStart,
  generateAmr,
  generateMedia,
  generateVbrMp3WithoutXing,
} from "@/test/support/test-media";

let dir: string;
const tone = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=3"];
const picture = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3"];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "probe-media-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("probeMedia accepts", () => {
  it.each([
    ["tone.wav", [...tone], "wav", "pcm_s16le"],
    ["tone.mp3", [...tone, "-c:a", "libmp3lame"], "mp3", "mp3"],
    ["tone.m4a", [...tone, "-c:a", "aac"], "mov,mp4,m4a,3gp,3g2,mj2", "aac"],
    ["tone.aac", [...tone, "-c:a", "aac", "-f", "adts"], "aac", "aac"],
    ["tone.flac", [...tone], "flac", "flac"],
    ["tone.ogg", [...tone, "-c:a", "libvorbis"], "ogg", "vorbis"],
    ["tone.opus", [...tone, "-c:a", "libopus"], "ogg", "opus"],
    // What churches also have: a browser's MediaRecorder, Windows, Apple, phones.
    ["tone.webm", [...tone, "-ar", "48000", "-c:a", "libopus"], "matroska,webm", "opus"],
    ["tone.mka", [...tone, "-c:a", "libvorbis"], "matroska,webm", "vorbis"],
    ["tone.wma", [...tone, "-c:a", "wmav2"], "asf", "wmav2"],
    ["tone.aiff", [...tone, "-c:a", "pcm_s16be"], "aiff", "pcm_s16be"],
    ["tone.caf", [...tone, "-c:a", "alac"], "caf", "alac"],
  ])("%s", async (name, args, container, codec) => {
    const info = await probeMedia(await generateMedia(dir, name, args));
    expect(info).toMatchObject({ container, codec, channels: 1, hasVideo: false });
    expect(info.durationMs).toBeGreaterThan(2_900);
    expect(info.durationMs).toBeLessThan(3_100);
    expect(info.sampleRate).toBeGreaterThan(0);
  });

  it("an AMR voice memo (made byte by byte: this ffmpeg has no AMR encoder)", async () => {
    const info = await probeMedia(await generateAmr(dir, "memo.amr", 3));
    expect(info).toMatchObject({
      container: "amr",
      codec: "amr_nb",
      channels: 1,
      sampleRate: 8000,
    });
    expect(Math.abs(info.durationMs - 3_000)).toBeLessThan(100);
  });

  it("a WebM whose header has no duration, as a browser's MediaRecorder writes it", async () => {
    const path = join(dir, "recorder.webm");
    // Written to a pipe, the muxer cannot go back to fill in the duration (nor the cues).
    const stdout = execFileSync("ffmpeg", [
      ...["-nostdin", "-loglevel", "error", ...tone, "-ar", "48000", "-c:a", "libopus"],
      ...["-f", "webm", "pipe:1"],
    ]);
    await writeFile(path, stdout);
    expect(Number.isNaN(await durationSeconds(path))).toBe(true);
    const info = await probeMedia(path);
    expect(info.durationMs).toBeGreaterThan(2_900);
    expect(info.durationMs).toBeLessThan(3_100);
  });

  it.each(["mp4", "mov"])("a .%s video with sound, reporting the video", async (extension) => {
    const path = await generateMedia(dir, `video.${extension}`, [
      ...picture,
      ...tone,
      "-c:v",
      "mpeg4",
      "-c:a",
      "aac",
      "-shortest",
    ]);
    const info = await probeMedia(path);
    expect(info).toMatchObject({ codec: "aac", hasVideo: true });
    expect(info.durationMs).toBeGreaterThan(2_900);
  });
});

async function rejection(path: string): Promise<MediaRejectedError> {
  const error = await probeMedia(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MediaRejectedError);
  return error as MediaRejectedError;
}

describe("probeMedia rejects, with a reason a person understands", () => {
  it("a text file renamed .mp3", async () => {
    const path = join(dir, "notes.mp3");
    await writeFile(path, "These are my sermon notes, not a recording.\n".repeat(50));
    const error = await rejection(path);
    expect(error.reason).toBe("unreadable");
    expect(error.message).toMatch(/could not be read as audio/);
  });

  it("a video without a sound track", async () => {
    const error = await rejection(
      await generateMedia(dir, "silent-film.mp4", [...picture, "-c:v", "mpeg4"]),
    );
    expect(error.reason).toBe("no-audio");
    expect(error.message).toMatch(/no sound track/);
  });

  it("a zero-length file", async () => {
    const path = join(dir, "empty.m4a");
    await writeFile(path, "");
    const error = await rejection(path);
    expect(error.reason).toBe("empty-file");
    expect(error.message).toMatch(/empty/);
  });

  it("truncated garbage", async () => {
    const path = join(dir, "garbage.wav");
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    await writeFile(path, bytes);
    const error = await rejection(path);
    expect(error.reason).toBe("unreadable");
  });

  it("an upload cut off before its index (an .m4a missing its moov box)", async () => {
    const whole = await readFile(await generateMedia(dir, "whole.m4a", [...tone, "-c:a", "aac"]));
    const path = join(dir, "cut-off.m4a");
    // ffmpeg writes the index (moov) last, so the first half holds only audio data.
    await writeFile(path, whole.subarray(0, whole.length / 2));
    const error = await rejection(path);
    expect(error.reason).toBe("unreadable");
    expect(error.message).toMatch(/damaged, incomplete/);
  });

  it("a container outside the whitelist, even with real audio in it", async () => {
    const error = await rejection(await generateMedia(dir, "tone.au", [...tone]));
    expect(error.reason).toBe("unsupported-format");
    expect(error.message).toMatch(/not supported.*MP3/);
  });
});

describe("probeMedia measures the length from the packets, not the header or the bitrate", () => {
  it("a VBR MP3 without a Xing header: the bitrate guess is twice its length", async () => {
    const path = await generateVbrMp3WithoutXing(dir, "vbr-no-xing.mp3", 30);
    expect(await durationSeconds(path)).toBeGreaterThan(45); // what ffprobe's header says
    expect(Math.abs((await probeMedia(path)).durationMs - 30_000)).toBeLessThan(100);
  });

  it("a raw ADTS .aac: the bitrate guess is less than half its length", async () => {
    const path = await generateAdtsLoudStart(dir, "loud-start.aac", 12);
    expect(await durationSeconds(path)).toBeLessThan(6);
    expect(Math.abs((await probeMedia(path)).durationMs - 12_000)).toBeLessThan(100);
  });
});

describe("probeMedia refuses a cut-off file whose header still claims the whole length", () => {
  const minute = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=60"];

  it.each([
    ["FLAC (STREAMINFO counts every sample)", "whole.flac", [...minute]],
    [
      "M4A with its index first",
      "whole-faststart.m4a",
      [...minute, "-c:a", "aac", "-movflags", "+faststart"],
    ],
    ["MP3 with a Xing header", "whole.mp3", [...minute, "-c:a", "libmp3lame", "-b:a", "96k"]],
    ["Matroska", "whole.mka", [...minute, "-c:a", "libvorbis"]],
    ["AIFF", "whole.aiff", [...minute, "-c:a", "pcm_s16be"]],
  ])("%s, cut in half", async (_what, name, args) => {
    const whole = await readFile(await generateMedia(dir, name, args));
    expect(Math.abs((await probeMedia(join(dir, name))).durationMs - 60_000)).toBeLessThan(200);
    const path = join(dir, `half-${name}`);
    await writeFile(path, whole.subarray(0, whole.length / 2));
    const error = await rejection(path);
    expect(error.reason).toBe("truncated");
    expect(error.message).toMatch(
      /^This file seems to be cut off: its header describes 1 min of audio, but the file holds only about (4[5-9]|5[0-5])% of that\./,
    );
  });

  it("but a video whose sound stops before the picture is not cut off", async () => {
    const path = await generateMedia(dir, "sound-stops.mp4", [
      ...["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=10"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=4"],
      ...["-c:v", "mpeg4", "-c:a", "aac"],
    ]);
    const info = await probeMedia(path);
    expect(info.hasVideo).toBe(true);
    expect(Math.abs(info.durationMs - 4_000)).toBeLessThan(100);
  });
});
