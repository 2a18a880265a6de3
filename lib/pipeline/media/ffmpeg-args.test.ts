import { describe, expect, it } from "vitest";
import {
  ACCEPTED_DEMUXERS,
  normalisedPcmArgs,
  packetDurationArgs,
  pcmDecodeArgs,
  probeArgs,
  renditionEncodeArgs,
  sampledPcmArgs,
} from "./ffmpeg-args";

const upload = "/uploads/sermon.mp3";
const fifos = ["/tmp/pcm/aac-32k.f32le", "/tmp/pcm/aac-64k.f32le"];
const encode = (overrides: Partial<Parameters<typeof renditionEncodeArgs>[0]> = {}) =>
  renditionEncodeArgs({
    rendition: { name: "aac-64k", bitRate: 64_000 },
    pcmFifo: "/tmp/pcm/aac-64k.f32le",
    renditionDir: "/out/aac-64k",
    ...overrides,
  });

/** The value that follows `flag`, wherever it is. */
function valueOf(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
}

describe("every ffmpeg invocation is hardened", () => {
  const readersOfTheUpload = {
    pcmDecode: pcmDecodeArgs(upload, { startMs: 0, durationMs: 60_000, sampleRate: 16_000 }),
    normalisedPcm: normalisedPcmArgs(upload, { gainDb: 3.25, isLimited: false }, fifos, 16_000),
    sampledPcm: sampledPcmArgs(upload, [{ startMs: 0, durationMs: 4_000 }], 16_000),
    packetDuration: packetDurationArgs(upload),
  };

  it.each(Object.entries(readersOfTheUpload))(
    "%s: -nostdin, file/pipe protocols only, accepted demuxers only",
    (_name, args) => {
      expect(args).toContain("-nostdin");
      expect(valueOf(args, "-protocol_whitelist")).toBe("file,pipe");
      expect(valueOf(args, "-format_whitelist")).toBe(
        "mp3,mov,wav,flac,ogg,aac,matroska,asf,aiff,amr,caf",
      );
      // The whitelists are input options: they must come before the input they guard.
      const input = args.indexOf("-i");
      expect(args.indexOf("-protocol_whitelist")).toBeLessThan(input);
      expect(args.indexOf("-format_whitelist")).toBeLessThan(input);
      expect(args[input + 1]).toBe(`file:${upload}`);
    },
  );

  it("the sampled decode guards every one of its inputs, each opened with a fast seek", () => {
    const ranges = [0, 1, 2].map((i) => ({ startMs: i * 60_000 + 500, durationMs: 4_000 }));
    const args = sampledPcmArgs(upload, ranges, 16_000);
    const inputs = args.flatMap((arg, i) => (arg === "-i" ? [i] : []));
    expect(inputs).toHaveLength(3);
    inputs.forEach((input, n) => {
      const options = args.slice(n === 0 ? 0 : inputs[n - 1]! + 2, input);
      expect(args[input + 1]).toBe(`file:${upload}`);
      expect(valueOf(options, "-protocol_whitelist")).toBe("file,pipe");
      expect(valueOf(options, "-format_whitelist")).toBe(ACCEPTED_DEMUXERS.join(","));
      expect(valueOf(options, "-fflags")).toBe("+fastseek");
      expect(valueOf(options, "-ss")).toBe((n * 60 + 0.5).toFixed(3));
      expect(valueOf(options, "-t")).toBe("4.000");
    });
    expect(valueOf(args, "-filter_complex")).toBe(
      "[0:a:0][1:a:0][2:a:0]concat=n=3:v=0:a=1,aresample=16000:ochl=mono:rematrix_maxval=1[pcm]",
    );
    expect(args.slice(args.indexOf("-map"))).toEqual([
      ...["-map", "[pcm]", "-c:a", "pcm_s16le", "-f", "s16le", "-flush_packets", "0", "pipe:1"],
    ]);
  });

  it("ffprobe gets the same whitelists and an explicit file: input", () => {
    const args = probeArgs("/uploads/odd:name.mp3");
    expect(valueOf(args, "-protocol_whitelist")).toBe("file,pipe");
    expect(valueOf(args, "-format_whitelist")).toBe(ACCEPTED_DEMUXERS.join(","));
    expect(args.at(-1)).toBe("file:/uploads/odd:name.mp3");
    expect(valueOf(args, "-print_format")).toBe("json");
  });

  it("encoders never open the upload: raw float PCM from their FIFO only", () => {
    const args = encode();
    expect(args).toContain("-nostdin");
    const input = args.indexOf("-i");
    expect(args[input + 1]).toBe("file:/tmp/pcm/aac-64k.f32le");
    expect(valueOf(args, "-protocol_whitelist")).toBe("file");
    expect(valueOf(args, "-format_whitelist")).toBe("f32le");
    expect(args.indexOf("-format_whitelist")).toBeLessThan(input);
    expect(args.join(" ")).not.toContain(upload);
  });
});

describe("normalisedPcmArgs", () => {
  it("mixes to mono, applies the loudness gain once and writes float PCM to every FIFO", () => {
    const args = normalisedPcmArgs(upload, { gainDb: 3.25, isLimited: false }, fifos);
    expect(valueOf(args, "-filter_complex")).toBe(
      "[0:a:0]aresample=ochl=mono:rematrix_maxval=1," +
        "volume=3.25dB:precision=float,aresample=44100,asplit=2[pcm0][pcm1]",
    );
    expect(args.slice(args.indexOf("-map"))).toEqual([
      ...["-map", "[pcm0]", "-c:a", "pcm_f32le", "-f", "f32le", "-flush_packets", "0"],
      ...["-protocol_whitelist", "file", "file:/tmp/pcm/aac-32k.f32le"],
      ...["-map", "[pcm1]", "-c:a", "pcm_f32le", "-f", "f32le", "-flush_packets", "0"],
      ...["-protocol_whitelist", "file", "file:/tmp/pcm/aac-64k.f32le"],
    ]);
  });

  it("can also write the same mono mix, without the gain, to stdout for the analysis", () => {
    const args = normalisedPcmArgs(upload, { gainDb: 3.25, isLimited: false }, fifos, 16_000);
    expect(valueOf(args, "-filter_complex")?.split(";")).toEqual([
      "[0:a:0]aresample=ochl=mono:rematrix_maxval=1,asplit=2[mix][raw]",
      "[mix]volume=3.25dB:precision=float,aresample=44100,asplit=2[pcm0][pcm1]",
      "[raw]aresample=16000[analysis]",
    ]);
    expect(args.slice(args.lastIndexOf("-map"))).toEqual([
      ...["-map", "[analysis]", "-c:a", "pcm_s16le", "-f", "s16le", "-flush_packets", "0"],
      ...["-protocol_whitelist", "pipe", "pipe:1"],
    ]);
  });

  it("adds a peak limiter after the gain only when asked", () => {
    expect(
      valueOf(
        normalisedPcmArgs(upload, { gainDb: 3.25, isLimited: false }, fifos),
        "-filter_complex",
      ),
    ).not.toContain("alimiter");
    expect(
      valueOf(
        normalisedPcmArgs(upload, { gainDb: 3.25, isLimited: true }, fifos),
        "-filter_complex",
      ),
    ).toMatch(
      /volume=3\.25dB:precision=float,alimiter=limit=0\.944:level=0:[^,]*,aresample=44100,/,
    );
  });
});

describe("renditionEncodeArgs", () => {
  it("encodes fast AAC at the rendition's bitrate and reports progress on fd 3", () => {
    const args = encode();
    expect(valueOf(args, "-c:a")).toBe("aac");
    expect(valueOf(args, "-aac_coder")).toBe("fast");
    expect(valueOf(args, "-b:a")).toBe("64000");
    expect(valueOf(args, "-progress")).toBe("pipe:3");
  });

  it("writes a live EVENT playlist of 6 s fMP4 segments, never MPEG-TS", () => {
    const tee = encode().at(-1) ?? "";
    expect(tee).toContain("f=hls");
    expect(tee).toContain("hls_time=6");
    expect(tee).toContain("hls_playlist_type=event");
    expect(tee).toContain("hls_segment_type=fmp4");
    expect(tee).toContain("hls_segment_filename=/out/aac-64k/seg-%05d.m4s");
    expect(tee).not.toMatch(/\.ts\b/);
    expect(tee).toMatch(/\]\/out\/aac-64k\/ffmpeg-live\.m3u8$/);
  });

  it("tees the same stream into the download file when one is requested", () => {
    expect(encode().at(-1)).not.toContain("|");
    const outputs = (encode({ downloadPath: "/out/download.m4a" }).at(-1) ?? "").split("|");
    expect(outputs).toHaveLength(2);
    expect(outputs[1]).toBe("[f=ipod:movflags=+faststart]/out/download.m4a");
  });

  it("escapes tee-special characters in paths", () => {
    const tee = encode({ renditionDir: "/out/a:b|c" }).at(-1) ?? "";
    expect(tee).toContain("hls_segment_filename=/out/a\\:b\\|c/seg-%05d.m4s");
  });
});
