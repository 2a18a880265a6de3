import { stat } from "node:fs/promises";
import { z } from "zod";
import { probeArgs } from "./ffmpeg-args";
import { FfmpegFailedError } from "./ffmpeg-failed-error";
import { runFfmpeg } from "./ffmpeg-runner";
import { MediaRejectedError } from "./media-rejected-error";

export interface MediaInfo {
  durationMs: number;
  /** ffprobe's demuxer name, e.g. "mp3", "wav", "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  /** Codec of the audio track that will be used, e.g. "aac", "mp3", "opus". */
  codec: string;
  channels: number;
  sampleRate: number;
  /** Bits per second of the whole file, when ffprobe knows it. */
  bitRate: number | null;
  hasVideo: boolean;
}

const PROBE_TIMEOUT_MS = 30_000;
const MIN_DURATION_MS = 1_000;
const ACCEPTED_TYPES = "MP3, M4A/AAC, WAV, FLAC, OGG/Opus, or an MP4/MOV video with sound";

// ffprobe prints numbers as strings, and "N/A" when it does not know: that is "absent".
const optionalNumber = z.preprocess((value) => {
  const parsed = Number(value);
  return value === undefined || !Number.isFinite(parsed) ? undefined : parsed;
}, z.number().optional());
const ffprobeOutput = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        channels: z.number().optional(),
        sample_rate: optionalNumber,
        duration: optionalNumber,
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string(),
    duration: optionalNumber,
    bit_rate: optionalNumber,
  }),
});

/** Reads what an upload is, or throws MediaRejectedError saying why it cannot be used. */
export async function probeMedia(path: string): Promise<MediaInfo> {
  const { size } = await stat(path);
  if (size === 0)
    throw new MediaRejectedError(
      "The uploaded file is empty (0 bytes). Please upload it again.",
      "empty-file",
    );

  let stdout: string;
  try {
    ({ stdout } = await runFfmpeg({
      binary: "ffprobe",
      args: probeArgs(path),
      timeoutMs: PROBE_TIMEOUT_MS,
    }));
  } catch (error) {
    throw rejectionFor(error) ?? error;
  }
  const parsed = ffprobeOutput.safeParse(parseJson(stdout));
  if (!parsed.success) throw unreadable();
  const { streams, format } = parsed.data;

  const audio = streams.find((s) => s.codec_type === "audio");
  if (!audio?.codec_name || !audio.channels || !audio.sample_rate) {
    throw new MediaRejectedError(
      "This file has no sound track, so there is nothing to play. Please upload the sermon's audio, or a video that includes sound.",
      "no-audio",
    );
  }
  const durationSeconds = format.duration ?? audio.duration;
  if (durationSeconds === undefined || durationSeconds <= 0) {
    throw new MediaRejectedError(
      "We could not tell how long this recording is; the file may be damaged or still incomplete. Please export it again and re-upload.",
      "unknown-duration",
    );
  }
  const durationMs = Math.round(durationSeconds * 1000);
  if (durationMs < MIN_DURATION_MS) {
    throw new MediaRejectedError(
      "This recording is shorter than one second. Please upload the full sermon.",
      "too-short",
    );
  }
  return {
    durationMs,
    container: format.format_name,
    codec: audio.codec_name,
    channels: audio.channels,
    sampleRate: audio.sample_rate,
    bitRate: format.bit_rate ?? null,
    hasVideo: streams.some((s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1),
  };
}

function rejectionFor(error: unknown): MediaRejectedError | undefined {
  if (!(error instanceof FfmpegFailedError) || error.exitCode === null) return undefined;
  if (error.stderrTail.includes("not on whitelist")) {
    return new MediaRejectedError(
      `This file type is not supported. Please upload ${ACCEPTED_TYPES}.`,
      "unsupported-format",
    );
  }
  return unreadable();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unreadable(): MediaRejectedError {
  return new MediaRejectedError(
    `This file could not be read as audio. It may be damaged, incomplete, or not a recording at all. Please upload ${ACCEPTED_TYPES}.`,
    "unreadable",
  );
}
