import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { durationSeconds, generateMedia, streamSummary } from "@/test/support/test-media";
import { transcodeSermon } from "./transcode-sermon";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "transcode-sermon-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("uses only the sound of a video upload", async () => {
  const video = await generateMedia(dir, "service.mov", [
    ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=14"],
    ...["-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000:duration=14"],
    ...["-c:v", "mpeg4", "-c:a", "aac", "-shortest"],
  ]);
  const outputDir = join(dir, "out");
  const result = await transcodeSermon({
    input: video,
    outputDir,
    durationMs: 14_000,
    gainDb: 0,
    isLimited: false,
  });

  expect(result.renditions.map((r) => r.segmentCount)).toEqual([3, 3]);
  expect(Math.abs((await durationSeconds(result.download.path)) - 14)).toBeLessThan(0.5);
  expect(await streamSummary(result.download.path)).toEqual(["audio:aac:1"]);
  expect((await readdir(join(outputDir, "aac-64k"))).filter((f) => !f.endsWith(".m4s"))).toEqual([
    "index.m3u8",
    "init.mp4",
  ]);
});
