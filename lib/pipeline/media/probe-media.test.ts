import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MediaRejectedError } from "./media-rejected-error";
import { probeMedia } from "./probe-media";
import { generateMedia } from "@/test/support/test-media";

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
  ])("%s", async (name, args, container, codec) => {
    const info = await probeMedia(await generateMedia(dir, name, args));
    expect(info).toMatchObject({ container, codec, channels: 1, hasVideo: false });
    expect(info.durationMs).toBeGreaterThan(2_900);
    expect(info.durationMs).toBeLessThan(3_100);
    expect(info.sampleRate).toBeGreaterThan(0);
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

describe("probeMedia rejects, with a reason a person understands", () => {
  async function rejection(path: string): Promise<MediaRejectedError> {
    const error = await probeMedia(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaRejectedError);
    return error as MediaRejectedError;
  }

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
    const error = await rejection(
      await generateMedia(dir, "tone.mkv", [...tone, "-c:a", "libopus"]),
    );
    expect(error.reason).toBe("unsupported-format");
    expect(error.message).toMatch(/not supported.*MP3/);
  });
});
