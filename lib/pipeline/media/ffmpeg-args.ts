import { INIT_SEGMENT_NAME } from "@/lib/catalog/sermons/sermon-version";
// Pure builders for every ffmpeg/ffprobe argument list, so tests can assert the hardening.
//
// Hardening: `-nostdin` everywhere (ffmpeg never takes commands from stdin). Whatever reads
// the upload opens it as `file:<path>` under a protocol whitelist of file and pipe only (no
// http, concat, subfile… tricks from a crafted file or path) and a demuxer whitelist of the
// accepted containers, so a hostile upload cannot reach a less-audited demuxer. Encoders
// never see the upload: they read raw PCM from a FIFO, whitelisted as exactly that.

/**
 * Demuxers for mp3, m4a/mp4/mov/3gp ("mov"), wav, flac, ogg/opus, raw ADTS aac, WebM and
 * Matroska ("matroska"), WMA/WMV ("asf"), AIFF, AMR and CAF: what churches record with, and
 * what the upload's detection accepts (lib/pipeline/upload/accepted-media.ts). Playlists
 * (hls), concat lists, SDP, images and the rest stay out.
 */
export const ACCEPTED_DEMUXERS = [
  ...["mp3", "mov", "wav", "flac", "ogg", "aac"],
  ...["matroska", "asf", "aiff", "amr", "caf"],
] as const;
export const PROTOCOL_WHITELIST = "file,pipe";

/** One HLS rendition; all are mono (sermons are speech, and one gain then fits every output). */
export interface Rendition {
  /** Folder name under the output dir, and the rendition's id in the master playlist. */
  name: string;
  bitRate: number;
}

export const HLS_SEGMENT_SECONDS = 6;
export const OUTPUT_SAMPLE_RATE = 44_100;
/**
 * Speech ladder: 32k for poor connections, 64k (also the podcast download) otherwise.
 * The native AAC encoder is the cost of the whole pipeline (~23 and ~34 CPU-s per hour
 * here even with -aac_coder fast; 96k would be ~45 s), and 64k mono is already transparent
 * for a voice.
 */
export const RENDITIONS: readonly Rendition[] = [
  { name: "aac-32k", bitRate: 32_000 },
  { name: "aac-64k", bitRate: 64_000 },
];
/** The playlist we publish; ffmpeg writes its own live one beside it (see RenditionPublisher). */
export const FFMPEG_PLAYLIST_NAME = "ffmpeg-live.m3u8";
export const SEGMENT_PATTERN = "seg-%05d.m4s";

const quietFfmpeg = ["-nostdin", "-hide_banner", "-nostats", "-loglevel", "error"];
// Raw PCM to a pipe or FIFO: ffmpeg flushes non-seekable outputs after every packet (an
// MP3 frame, 4.6 kB of float PCM), so the reader wakes ~40 times per second of audio; this
// lets it fill its 32 kB buffer first (2,300 → 59 writes per minute of 16 kHz analysis PCM).
const bufferedPcm = ["-flush_packets", "0"];

// The same mono mix for analysis and encoding. Left alone, swresample scales a stereo→mono
// mix by 0.5 for integer output (the s16 analysis) but by 0.707 for float (the f32 path to
// the encoders), and the encoded sermon would come out 3 dB louder than measured.
const monoMix = ["-ac", "1", "-rematrix_maxval", "1"];
// The same mix in a filter graph, where ffmpeg does not apply -rematrix_maxval: say it here.
const monoMixFilter = (sampleRate?: number) =>
  `aresample=${sampleRate === undefined ? "" : `${sampleRate}:`}ochl=mono:rematrix_maxval=1`;

function hardenedInput(path: string): string[] {
  return [
    "-protocol_whitelist",
    PROTOCOL_WHITELIST,
    "-format_whitelist",
    ACCEPTED_DEMUXERS.join(","),
    "-i",
    `file:${path}`,
  ];
}

export function probeArgs(path: string): string[] {
  // ffprobe has no -nostdin; the runner gives it no stdin at all.
  return [
    "-hide_banner",
    "-loglevel",
    "error",
    "-protocol_whitelist",
    PROTOCOL_WHITELIST,
    "-format_whitelist",
    ACCEPTED_DEMUXERS.join(","),
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
    `file:${path}`,
  ];
}

/**
 * Reads every packet of the first audio track without decoding it (a stream copy into the
 * null muxer: ~0.2 CPU-s for an hour of MP3) and reports, on stdout as `-progress` lines,
 * the timestamp reached. That is how long the recording really is, whatever its header or
 * bitrate suggested; the decode that follows measures it to the sample.
 */
export function packetDurationArgs(path: string): string[] {
  return [
    ...quietFfmpeg,
    ...hardenedInput(path),
    ...["-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-"],
  ];
}

export interface TimeRange {
  startMs: number;
  durationMs: number;
}

/**
 * Mono signed 16-bit PCM of several short time ranges of the upload, one after another, on
 * stdout: each range is its own input of the same file, opened with a fast seek (`fastseek`:
 * MP3 without it would parse every frame up to the point), so only those ranges are read.
 * All ranges come out of one process; they are joined by the concat filter.
 */
export function sampledPcmArgs(
  path: string,
  ranges: readonly TimeRange[],
  sampleRate: number,
): string[] {
  const inputs = ranges.flatMap(({ startMs, durationMs }) => [
    "-fflags",
    "+fastseek",
    "-ss",
    seconds(startMs),
    "-t",
    seconds(durationMs),
    ...hardenedInput(path),
  ]);
  const pads = ranges.map((_, i) => `[${i}:a:0]`).join("");
  const joined = `${pads}concat=n=${ranges.length}:v=0:a=1,${monoMixFilter(sampleRate)}[pcm]`;
  return [
    ...quietFfmpeg,
    ...inputs,
    ...["-filter_complex", joined, "-map", "[pcm]"],
    ...["-c:a", "pcm_s16le", "-f", "s16le", ...bufferedPcm, "pipe:1"],
  ];
}

export interface PcmDecodeOptions {
  startMs: number;
  durationMs: number;
  sampleRate: number;
}

/** Mono signed 16-bit PCM of one time range on stdout, for analysis in Node. */
export function pcmDecodeArgs(
  path: string,
  { startMs, durationMs, sampleRate }: PcmDecodeOptions,
): string[] {
  return [
    ...quietFfmpeg,
    // Before -i: a fast (index/bitrate) seek, then exact decoding from there.
    "-ss",
    seconds(startMs),
    "-t",
    seconds(durationMs),
    ...hardenedInput(path),
    "-map",
    "0:a:0",
    ...monoMix,
    "-ar",
    String(sampleRate),
    "-c:a",
    "pcm_s16le",
    "-f",
    "s16le",
    ...bufferedPcm,
    "pipe:1",
  ];
}

export interface NormalisedPcmOptions {
  gainDb: number;
  /** Peak-limit after the gain; only needed when the gain would push peaks past full scale. */
  isLimited: boolean;
}

export const LIMITER_CEILING = 0.944; // -0.5 dBFS
// What the normalising decoder writes and the encoders read: mono float PCM, so neither
// the gain nor the limiter's overshoot can clip on the way.
const RAW_PCM_FORMAT = "f32le";

/**
 * The one decode of the upload for encoding: mono, 44.1 kHz, loudness gain (and limiter)
 * applied, written as raw float PCM to each rendition encoder's FIFO. ffmpeg feeds every
 * output from the same decoded frames, and the slowest encoder paces it. With
 * `analysisSampleRate`, the same decode also writes the mono mix without the gain, as s16
 * PCM at that rate, to stdout for the analysis in Node: no second decode of the upload.
 *
 * One filter graph: the mono mix, the gain and the limiter run once, then split to the
 * outputs (per-output `-af` chains ran them once per FIFO, on every channel: ~5 CPU-s more
 * per hour with the limiter).
 */
export function normalisedPcmArgs(
  input: string,
  { gainDb, isLimited }: NormalisedPcmOptions,
  fifoPaths: readonly string[],
  analysisSampleRate?: number,
): string[] {
  const normalise = [`volume=${gainDb.toFixed(2)}dB:precision=float`];
  if (isLimited) normalise.push(`alimiter=limit=${LIMITER_CEILING}:level=0:attack=5:release=50`);
  normalise.push(`aresample=${OUTPUT_SAMPLE_RATE}`);
  const encoderPads = fifoPaths.map((_, i) => `[pcm${i}]`).join("");
  const graph =
    analysisSampleRate === undefined
      ? [
          `[0:a:0]${monoMixFilter()},${normalise.join(",")},asplit=${fifoPaths.length}${encoderPads}`,
        ]
      : [
          `[0:a:0]${monoMixFilter()},asplit=2[mix][raw]`,
          `[mix]${normalise.join(",")},asplit=${fifoPaths.length}${encoderPads}`,
          `[raw]aresample=${analysisSampleRate}[analysis]`,
        ];
  const toEncoder = (path: string, i: number) => [
    ...["-map", `[pcm${i}]`, "-c:a", "pcm_f32le", "-f", RAW_PCM_FORMAT, ...bufferedPcm],
    ...["-protocol_whitelist", "file", `file:${path}`],
  ];
  const toAnalysis =
    analysisSampleRate === undefined
      ? []
      : [
          ...["-map", "[analysis]", "-c:a", "pcm_s16le", "-f", "s16le", ...bufferedPcm],
          ...["-protocol_whitelist", "pipe", "pipe:1"],
        ];
  return [
    ...quietFfmpeg,
    // -y: the FIFOs already exist, and without a terminal ffmpeg would refuse to "overwrite".
    "-y",
    ...hardenedInput(input),
    ...["-filter_complex", graph.join(";")],
    ...fifoPaths.flatMap(toEncoder),
    ...toAnalysis,
  ];
}

export interface RenditionEncodeOptions {
  rendition: Rendition;
  /** FIFO the normalising decoder writes this rendition's PCM to. */
  pcmFifo: string;
  /** Folder that receives the playlist, init segment and media segments. */
  renditionDir: string;
  /** Also write this rendition's AAC stream, unchanged, as a podcast download (.m4a). */
  downloadPath?: string;
}

/**
 * One rendition from the normalised PCM in its FIFO, as a live EVENT playlist of fMP4
 * segments (ffmpeg rewrites the playlist after every segment, so each can be published at
 * once). With `downloadPath` the tee muxer writes the same encoded stream to an .m4a too:
 * one encode, two files. Encoders never open the upload itself: their only input is raw
 * PCM, and the whitelists say so.
 */
export function renditionEncodeArgs({
  rendition,
  pcmFifo,
  renditionDir,
  downloadPath,
}: RenditionEncodeOptions): string[] {
  const hls = [
    "f=hls",
    `hls_time=${HLS_SEGMENT_SECONDS}`,
    "hls_list_size=0",
    "hls_playlist_type=event",
    "hls_segment_type=fmp4",
    `hls_fmp4_init_filename=${INIT_SEGMENT_NAME}`,
    `hls_segment_filename=${teeEscape(`${renditionDir}/${SEGMENT_PATTERN}`)}`,
    // The playlist is replaced by rename, so a reader never sees half of one.
    "hls_flags=temp_file+independent_segments",
  ];
  const outputs = [`[${hls.join(":")}]${teeEscape(`${renditionDir}/${FFMPEG_PLAYLIST_NAME}`)}`];
  if (downloadPath) outputs.push(`[f=ipod:movflags=+faststart]${teeEscape(downloadPath)}`);
  return [
    ...quietFfmpeg,
    "-y",
    "-protocol_whitelist",
    "file",
    "-format_whitelist",
    RAW_PCM_FORMAT,
    "-f",
    RAW_PCM_FORMAT,
    "-ar",
    String(OUTPUT_SAMPLE_RATE),
    "-ac",
    "1",
    "-i",
    `file:${pcmFifo}`,
    // The tee muxer has no default codecs, so nothing is mapped unless asked.
    "-map",
    "0:a",
    "-c:a",
    "aac",
    "-aac_coder",
    "fast",
    "-b:a",
    String(rendition.bitRate),
    "-progress",
    "pipe:3",
    "-protocol_whitelist",
    PROTOCOL_WHITELIST,
    "-f",
    "tee",
    outputs.join("|"),
  ];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Tee muxer syntax: `[opts]path|…` where `\`, `:`, `|`, `[`, `]` and `=` are special. */
function teeEscape(value: string): string {
  return value.replace(/[\\:|[\]=]/g, (c) => `\\${c}`);
}
