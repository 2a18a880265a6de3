import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FfmpegTimeoutError } from "./ffmpeg-timeout-error";
import { parseMediaPlaylist } from "./media-playlist";
import { analyseAudio } from "./analyse-audio";
import {
  type PrepareSermonMediaOptions,
  type PreparedSermonMedia,
  prepareSermonMedia,
} from "./prepare-sermon-media";
import type { ReadyFile } from "./ready-file";
import { transcodeSermon } from "./transcode-sermon";
import {
  durationSeconds,
  generateAdtsLoudStart,
  generateMedia,
  generateSpeech,
  generateVbrMp3WithoutXing,
  measureLoudnessWithFfmpeg,
} from "@/test/support/test-media";

const INPUT_SECONDS = 60;

interface Published {
  file: ReadyFile;
  atMs: number;
  /** For playlists: the text as it was when handed over. */
  text?: string;
}

let dir: string;
let input: string;
let outputDir: string;
let result: PreparedSermonMedia;
let published: Published[];
let progress: { percent: number; atMs: number }[];

async function prepare(
  from = input,
  to = outputDir,
  extra: Pick<PrepareSermonMediaOptions, "loudnessSampling"> = {},
): Promise<{
  result: PreparedSermonMedia;
  published: Published[];
  progress: typeof progress;
}> {
  const started = performance.now();
  const published: Published[] = [];
  const progress: { percent: number; atMs: number }[] = [];
  const result = await prepareSermonMedia(from, to, {
    ...extra,
    onFileReady: async (file) => {
      const atMs = performance.now() - started;
      published.push({
        file,
        atMs,
        text: file.kind === "playlist" ? await readFile(file.path, "utf8") : undefined,
      });
    },
    onProgress: (percent) => progress.push({ percent, atMs: performance.now() - started }),
  });
  return { result, published, progress };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prepare-sermon-media-"));
  const speech = await generateSpeech(dir);
  // A quiet stereo upload, so normalising needs a large gain (and the limiter).
  input = await generateMedia(dir, "sermon.flac", [
    "-stream_loop",
    "-1",
    "-i",
    speech,
    "-t",
    String(INPUT_SECONDS),
    "-af",
    "volume=-9dB",
    "-ac",
    "2",
    "-ar",
    "44100",
  ]);
  outputDir = join(dir, "out");
  ({ result, published, progress } = await prepare());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("prepareSermonMedia", () => {
  it("writes a master playlist with BANDWIDTH and CODECS for two or more renditions", async () => {
    const master = await readFile(join(outputDir, "master.m3u8"), "utf8");
    const variants = master.split("\n").filter((line) => line.startsWith("#EXT-X-STREAM-INF:"));
    expect(variants.length).toBeGreaterThanOrEqual(2);
    for (const variant of variants)
      expect(variant).toMatch(/BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a\.40\.2"/);
    expect(result.transcode.renditions.map((r) => r.name)).toEqual(["aac-32k", "aac-64k"]);
  });

  it("cuts every rendition into 6 s fMP4 segments under a finished VOD playlist", async () => {
    for (const { name, segmentCount } of result.transcode.renditions) {
      const text = await readFile(join(outputDir, name, "index.m3u8"), "utf8");
      expect(text).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
      const playlist = parseMediaPlaylist(text);
      expect(playlist.isEnded).toBe(true);
      expect(playlist.segments).toHaveLength(segmentCount);
      expect(segmentCount).toBeGreaterThanOrEqual(10);
      for (const segment of playlist.segments) expect(segment.uri).toMatch(/^seg-\d{5}\.m4s$/);
      for (const segment of playlist.segments.slice(0, -1))
        expect(Math.abs(segment.durationSeconds - 6)).toBeLessThan(0.1);
      const total = playlist.segments.reduce((sum, s) => sum + s.durationSeconds, 0);
      expect(Math.abs(total - INPUT_SECONDS)).toBeLessThan(0.5);
    }
    const files = await listFiles(outputDir);
    expect(
      files.filter((f) => f.endsWith(".ts") || f.endsWith(".tmp") || f.includes("ffmpeg-live")),
    ).toEqual([]);
  });

  it("writes a podcast download of the right duration", async () => {
    expect(result.transcode.download.path).toBe(join(outputDir, "download.m4a"));
    expect(
      Math.abs((await durationSeconds(result.transcode.download.path)) - INPUT_SECONDS),
    ).toBeLessThan(0.5);
  });

  it("normalises every output to -16 LUFS within 1 LU", async () => {
    expect(result.gainDb).toBeGreaterThan(8);
    const measured = [
      await measureLoudnessWithFfmpeg(result.transcode.download.path),
      ...(await Promise.all(
        result.transcode.renditions.map((r) =>
          measureLoudnessWithFfmpeg(join(outputDir, r.name, "index.m3u8")),
        ),
      )),
    ];
    for (const lufs of measured) expect(Math.abs(lufs + 16)).toBeLessThanOrEqual(1);
  });

  it("gives the length the decode counted, to the millisecond", () => {
    expect(Math.abs(result.durationMs - INPUT_SECONDS * 1000)).toBeLessThanOrEqual(1);
  });

  it("writes the waveform and the silence map as JSON", async () => {
    const waveform = JSON.parse(await readFile(join(outputDir, "waveform.json"), "utf8")) as {
      bucketMs: number;
      max: number[];
    };
    expect(waveform.bucketMs).toBe(500);
    expect(waveform.max).toHaveLength(INPUT_SECONDS * 2);
    expect(JSON.parse(await readFile(join(outputDir, "silences.json"), "utf8"))).toEqual(
      result.silences,
    );
  });

  it("publishes segments while ffmpeg is still encoding, each before any playlist that lists it", () => {
    const firstSegment = published.find((p) => p.file.kind === "segment");
    const firstPlaylist = published.find((p) => p.file.kind === "playlist");
    expect(firstSegment && firstPlaylist).toBeTruthy();
    // Handed over as a live EVENT playlist, long before the whole recording was encoded.
    expect(firstPlaylist!.text).toContain("#EXT-X-PLAYLIST-TYPE:EVENT");
    expect(firstPlaylist!.text).not.toContain("#EXT-X-ENDLIST");
    const lastEncodingProgress = progress.filter((p) => p.percent < 100).at(-1)!;
    expect(firstSegment!.atMs).toBeLessThan(lastEncodingProgress.atMs);

    const seen = new Set<string>();
    for (const { file, text } of published) {
      if (file.kind === "playlist") {
        const folder = file.key.split("/")[0];
        for (const segment of parseMediaPlaylist(text ?? "").segments)
          expect(seen).toContain(`${folder}/${segment.uri}`);
      }
      seen.add(file.key);
    }
    const masters = published.filter((p) => p.file.kind === "master");
    expect(masters.length).toBeGreaterThanOrEqual(1);
    expect(published.findIndex((p) => p.file.kind === "master")).toBeGreaterThan(
      published.findIndex((p) => p.file.key === "aac-64k/index.m3u8"),
    );
    expect(published.at(-1)?.file.kind).toBe("download");
  });

  it("reuses the same names on a retry: same files, no duplicates", async () => {
    const before = await listFiles(outputDir);
    const again = await prepare();
    expect(await listFiles(outputDir)).toEqual(before);
    expect(new Set(again.published.map((p) => p.file.key))).toEqual(
      new Set(published.map((p) => p.file.key)),
    );
  });

  it("kills the encoders and rejects when they exceed the timeout", async () => {
    const run = transcodeSermon({
      input,
      outputDir: join(dir, "timeout"),
      durationMs: INPUT_SECONDS * 1000,
      gainDb: 0,
      isLimited: false,
      timeoutMs: 30,
    });
    await expect(run).rejects.toBeInstanceOf(FfmpegTimeoutError);
  });
});

/** Every output's loudness by ffmpeg's own meter: the download and each rendition. */
async function outputLoudness(media: PreparedSermonMedia, dir: string): Promise<number[]> {
  return [
    await measureLoudnessWithFfmpeg(media.transcode.download.path),
    ...(await Promise.all(
      media.transcode.renditions.map((r) =>
        measureLoudnessWithFfmpeg(join(dir, r.name, "index.m3u8")),
      ),
    )),
  ];
}

describe("prepareSermonMedia on a long recording (loudness sampled, measured while encoding)", () => {
  // Reached with short media by shrinking the threshold and the windows.
  const sampling = { measureFirstMaxMs: 0, windowCount: 5, windowMs: 2_000 };

  it("starts encoding at once and still normalises every output to -16 LUFS within 1 LU", async () => {
    const to = join(dir, "sampled");
    const run = await prepare(input, to, { loudnessSampling: sampling });
    for (const lufs of await outputLoudness(run.result, to))
      expect(Math.abs(lufs + 16)).toBeLessThanOrEqual(1);
    // The gain came from the windows, within tolerance of what the whole recording needed.
    expect(Math.abs(run.result.gainDb - (-16 - run.result.integratedLufs))).toBeLessThanOrEqual(1);

    // The same decode measured the whole recording, as the separate analysis does.
    const whole = await analyseAudio(input, INPUT_SECONDS * 1000);
    expect(run.result.integratedLufs).toBeCloseTo(whole.integratedLufs, 1);
    expect(run.result.silences).toEqual(whole.silences);
    const waveform = JSON.parse(await readFile(join(to, "waveform.json"), "utf8")) as {
      max: number[];
    };
    expect(waveform.max).toHaveLength(INPUT_SECONDS * 2);

    // Live: segments before the encode ended; the analysis before the final master.
    const kinds = run.published.map((p) => p.file.kind);
    const keys = run.published.map((p) => p.file.key);
    const lastEncodingProgress = run.progress.filter((p) => p.percent < 100).at(-1)!;
    expect(run.published.find((p) => p.file.kind === "segment")!.atMs).toBeLessThan(
      lastEncodingProgress.atMs,
    );
    expect(kinds.indexOf("master")).toBeLessThan(keys.indexOf("waveform.json"));
    expect(kinds.indexOf("silence-map")).toBeLessThan(kinds.lastIndexOf("master"));
    expect(kinds.at(-1)).toBe("download");
    expect(run.result.transcode.generation).toBe(1);

    // A waveform from the windows went out first, so the player draws one from the start.
    expect(keys[0]).toBe("waveform-sampled.json");
    expect(keys.filter((key) => key.startsWith("waveform"))).toEqual([
      "waveform-sampled.json",
      "waveform.json",
    ]);
    const sampled = JSON.parse(await readFile(join(to, "waveform-sampled.json"), "utf8")) as {
      bucketMs: number;
      min: number[];
      max: number[];
    };
    // One bar per window, each standing for its 12 s slice of the recording.
    const sliceMs = (INPUT_SECONDS * 1000) / sampling.windowCount;
    expect(Math.abs(sampled.bucketMs - sliceMs)).toBeLessThanOrEqual(10);
    expect(sampled.max).toHaveLength(sampling.windowCount);
    expect(sampled.min).toHaveLength(sampling.windowCount);
    expect(Math.max(...sampled.max, ...sampled.min.map((v) => -v))).toBe(1);
    for (const bar of sampled.max) expect(bar).toBeGreaterThan(0.1);
  });

  it("measures a raw AAC upload whole first: without an index, every window would read from the start", async () => {
    const adts = await generateMedia(dir, "sermon.aac", [
      ...["-i", input, "-t", "20", "-c:a", "aac", "-b:a", "96k", "-f", "adts"],
    ]);
    const to = join(dir, "adts");
    const run = await prepare(adts, to, { loudnessSampling: sampling });
    const kinds = run.published.map((p) => p.file.kind);
    expect(kinds.indexOf("waveform")).toBeLessThan(kinds.indexOf("segment"));
    expect(run.result.info.container).toBe("aac");
  });

  it("makes the outputs again with the measured gain when the windows missed a loud passage", async () => {
    // Quiet speech with a loud 6 s tone at 10–16 s, between the windows at 5–7 s and 17–19 s.
    const burst = await generateMedia(dir, "burst.flac", [
      ...["-stream_loop", "-1", "-i", join(dir, "speech.wav")],
      ...["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=22050:duration=6"],
      "-filter_complex",
      "[0:a]atrim=duration=60,volume=-9dB[s];[1:a]volume=12dB,adelay=10000:all=1[t];" +
        "[s][t]amix=inputs=2:duration=first:normalize=0",
      ...["-t", String(INPUT_SECONDS), "-ac", "2", "-ar", "44100"],
    ]);
    const to = join(dir, "redone");
    const run = await prepare(burst, to, { loudnessSampling: sampling });

    expect(run.result.gainDb).toBeCloseTo(-16 - run.result.integratedLufs, 6);
    for (const lufs of await outputLoudness(run.result, to))
      expect(Math.abs(lufs + 16)).toBeLessThanOrEqual(1);
    const { transcode } = run.result;
    expect(transcode.generation).toBe(2);
    expect(transcode.renditions.map((r) => r.name)).toEqual(["aac-32k-g2", "aac-64k-g2"]);

    // The second generation went out whole, under new keys, once complete.
    const keys = run.published.map((p) => p.file.key);
    const secondFrom = keys.findIndex((key) => key.includes("-g2/"));
    expect(secondFrom).toBeGreaterThan(0);
    const before = new Set(keys.slice(0, secondFrom));
    const after = run.published.slice(secondFrom);
    // Nothing already published is written again, but for the master (the entry point, cached
    // for a minute), which now names the new generation.
    expect(after.map((p) => p.file.key).filter((key) => before.has(key))).toEqual(["master.m3u8"]);
    for (const { file, text } of after) {
      if (file.kind === "playlist") expect(text).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      if (["init", "segment", "playlist"].includes(file.kind))
        expect(file.key).toMatch(/^aac-\d+k-g2\//);
    }
    expect(after.map((p) => p.file.kind).slice(-2)).toEqual(["master", "download"]);
    const segmentCount = transcode.renditions.reduce((n, r) => n + r.segmentCount, 0);
    expect(after.filter((p) => p.file.kind === "segment")).toHaveLength(segmentCount);
    const master = await readFile(join(to, "master.m3u8"), "utf8");
    expect(master.split("\n").filter((line) => line && !line.startsWith("#"))).toEqual([
      "aac-32k-g2/index.m3u8",
      "aac-64k-g2/index.m3u8",
    ]);

    // The first generation was finished for listeners already playing it (VOD playlists, every
    // segment), and its download, superseded before anyone was given it, never went out.
    const first = run.published.slice(0, secondFrom);
    for (const name of ["aac-32k", "aac-64k"]) {
      const playlists = first.filter((p) => p.file.key === `${name}/index.m3u8`);
      const last = parseMediaPlaylist(playlists.at(-1)!.text!);
      expect(last.isEnded).toBe(true);
      expect(last.segments).toHaveLength(transcode.renditions[0]!.segmentCount);
    }
    expect(first.map((p) => p.file.kind)).not.toContain("download");
    expect(keys.filter((key) => key === "download.m4a")).toHaveLength(1);

    // On disk: the measured-first layout, plus the first generation and the sampled waveform.
    const expected = (await listFiles(outputDir)).flatMap((file) =>
      /^aac-\d+k\//.test(file) ? [file, file.replace("k/", "k-g2/")] : [file],
    );
    expect(await listFiles(to)).toEqual([...expected, "waveform-sampled.json"].sort());
  });
});

describe("prepareSermonMedia: the stored length comes from decoding, never a header or bitrate guess", () => {
  it.each([
    ["a VBR MP3 without a Xing header", "vbr-no-xing.mp3", generateVbrMp3WithoutXing, 30],
    ["a raw ADTS .aac", "loud-start.aac", generateAdtsLoudStart, 12],
  ])("%s", async (_what, name, generate, seconds) => {
    const path = await generate(dir, name, seconds);
    // What ffprobe's header-based duration says: far off either way.
    expect(Math.abs((await durationSeconds(path)) - seconds)).toBeGreaterThan(seconds / 3);
    const to = join(dir, `decoded-${name}`);
    const run = await prepare(path, to);
    // MP3 keeps its encoder delay (no LAME tag to trim it): a few ms over.
    expect(Math.abs(run.result.durationMs - seconds * 1000)).toBeLessThan(100);
    expect(Math.abs(run.result.info.durationMs - seconds * 1000)).toBeLessThan(100);
    const waveform = JSON.parse(await readFile(join(to, "waveform.json"), "utf8")) as {
      max: number[];
    };
    // Two bars a second over the real length (the last one partial).
    expect(waveform.max).toHaveLength(Math.ceil(run.result.durationMs / 500));
    expect(waveform.max.length).toBeLessThanOrEqual(seconds * 2 + 1);
    const total = parseMediaPlaylist(
      await readFile(join(to, "aac-64k", "index.m3u8"), "utf8"),
    ).segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
    expect(Math.abs(total - seconds)).toBeLessThan(0.2);
  });
});
