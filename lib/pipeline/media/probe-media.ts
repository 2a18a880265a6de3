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
// A cut-off MP3 (copy or export interrupted) still carries the Xing header of the whole file, so
// ffprobe reports the full length and ffmpeg would quietly transcode the part that is there: a
// sermon claiming a length it does not have. ffmpeg notices only as a warning, when the header's
// byte count exceeds the file by more than 1/16; a file without that count cannot be checked.
const CUT_OFF_MP3_WARNING = "filesize and duration do not match";
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
        bit_rate: optionalNumber,
        duration: optionalNumber,
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string(),
    duration: optionalNumber,
    bit_rate: optionalNumber,
    size: optionalNumber,
  }),
});

export interface ProbeOptions {
  /** Longer recordings are refused (default: no limit). */
  maxDurationMinutes?: number;
}

/** Reads what an upload is, or throws MediaRejectedError saying why it cannot be used. */
export async function probeMedia(
  path: string,
  { maxDurationMinutes = Infinity }: ProbeOptions = {},
): Promise<MediaInfo> {
  const { size } = await stat(path);
  if (size === 0)
    throw new MediaRejectedError(
      "The uploaded file is empty (0 bytes). Please upload it again.",
      "empty-file",
    );

  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await runFfmpeg({
      binary: "ffprobe",
      // At warning level, to hear about a cut-off MP3 (see CUT_OFF_MP3_WARNING).
      args: probeArgs(path).map((arg, i, all) => (all[i - 1] === "-loglevel" ? "warning" : arg)),
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
  if (durationMs > maxDurationMinutes * 60_000) throw tooLong(durationMs, maxDurationMinutes);
  if (stderr.includes(CUT_OFF_MP3_WARNING)) throw cutOff(durationMs, format.size, audio);
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

function tooLong(durationMs: number, maxMinutes: number): MediaRejectedError {
  return new MediaRejectedError(
    `This recording is ${hoursAndMinutes(durationMs)} long, more than the ${hoursAndMinutes(maxMinutes * 60_000)} this Selah accepts. ` +
      `Upload a shorter recording, or ask whoever runs Selah to raise SERMON_MAX_DURATION_MINUTES (now ${maxMinutes}) and upload it again.`,
    "too-long",
  );
}

function cutOff(
  durationMs: number,
  fileBytes: number | undefined,
  audio: { bit_rate?: number },
): MediaRejectedError {
  // The header's bitrate times its length is what the whole file held.
  const wholeBytes = audio.bit_rate && (audio.bit_rate * durationMs) / 8000;
  const held =
    fileBytes && wholeBytes
      ? `only about ${Math.max(1, Math.round((fileBytes / wholeBytes) * 100))}% of that`
      : "less than that";
  return new MediaRejectedError(
    `This file seems to be cut off: its header describes ${hoursAndMinutes(durationMs)} of audio, but the file holds ${held}. ` +
      "It may not have finished copying or exporting. Please export it again and re-upload.",
    "truncated",
  );
}

/** 36_014_000 → "10 h 0 min"; 2_700_000 → "45 min"; 5_000 → "5 s". */
function hoursAndMinutes(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes === 0) return `${Math.round(ms / 1000)} s`;
  const hours = Math.floor(totalMinutes / 60);
  return hours ? `${hours} h ${totalMinutes % 60} min` : `${totalMinutes} min`;
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
