import { stat } from "node:fs/promises";
import { z } from "zod";
import { packetDurationArgs, probeArgs } from "./ffmpeg-args";
import { FfmpegFailedError } from "./ffmpeg-failed-error";
import { runFfmpeg } from "./ffmpeg-runner";
import { MediaRejectedError } from "./media-rejected-error";

export interface MediaInfo {
  /**
   * How long the audio track really is: the timestamp its last packet reaches, read from
   * every packet, never the header's claim or a bitrate estimate. (prepareSermonMedia then
   * counts the decoded samples for the duration that is stored.)
   */
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
// Reading every packet runs at hundreds of MB/s; allow for a slow disk on top of the probe's time.
const PACKET_READ_BYTES_PER_MS = 10_000;
const MIN_DURATION_MS = 1_000;
// A cut-off file (copy or export interrupted) keeps the header of the whole one: a Xing frame
// (MP3), STREAMINFO (FLAC), the moov box of a fast-start M4A, a Matroska or AIFF header all
// still claim the full length, and ffmpeg would quietly transcode the part that is there. So
// the claim is compared with the packets actually there; a shortfall past this is a cut.
const CUT_OFF_TOLERANCE = { ms: 1_000, fraction: 0.02 };
// ffmpeg's warning when a duration is a guess from the bitrate (raw ADTS, an MP3 without a
// Xing frame, a WAV whose header overstates its data…): that is no claim to hold a file to.
const BITRATE_ESTIMATE_WARNING = "Estimating duration from bitrate";
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
        // Matroska keeps each track's length in a tag ("01:02:03.456000000"), when muxed with one.
        tags: z.object({ DURATION: z.string().optional() }).optional(),
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
      // At warning level, to hear about durations guessed from the bitrate.
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
  const durationMs = await packetDurationMs(path, size);
  if (durationMs === undefined || durationMs <= 0) {
    throw new MediaRejectedError(
      "We could not tell how long this recording is; the file may be damaged or still incomplete. Please export it again and re-upload.",
      "unknown-duration",
    );
  }
  if (durationMs < MIN_DURATION_MS) {
    throw new MediaRejectedError(
      "This recording is shorter than one second. Please upload the full sermon.",
      "too-short",
    );
  }
  if (durationMs > maxDurationMinutes * 60_000) throw tooLong(durationMs, maxDurationMinutes);
  const hasVideo = streams.some(
    (s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1,
  );
  const claimedMs = stderr.includes(BITRATE_ESTIMATE_WARNING)
    ? undefined
    : claimedDurationMs(audio, hasVideo ? undefined : format.duration);
  if (
    claimedMs !== undefined &&
    claimedMs - durationMs > Math.max(CUT_OFF_TOLERANCE.ms, claimedMs * CUT_OFF_TOLERANCE.fraction)
  ) {
    throw cutOff(claimedMs, durationMs);
  }
  return {
    durationMs,
    container: format.format_name,
    codec: audio.codec_name,
    channels: audio.channels,
    sampleRate: audio.sample_rate,
    bitRate: format.bit_rate ?? null,
    hasVideo,
  };
}

/** The last audio packet's timestamp, in ms, from a pass over every packet (no decoding). */
async function packetDurationMs(path: string, fileBytes: number): Promise<number | undefined> {
  let stdout: string;
  try {
    ({ stdout } = await runFfmpeg({
      binary: "ffmpeg",
      args: packetDurationArgs(path),
      timeoutMs: PROBE_TIMEOUT_MS + fileBytes / PACKET_READ_BYTES_PER_MS,
    }));
  } catch (error) {
    throw rejectionFor(error) ?? error;
  }
  const reached = [...stdout.matchAll(/^out_time_us=(\d+)$/gm)].at(-1)?.[1];
  return reached === undefined ? undefined : Math.round(Number(reached) / 1000);
}

/**
 * The audio track's length as its header states it: the stream's own duration, or its
 * Matroska tag, or (audio-only files) the container's. A video's container duration is the
 * picture's too, which may rightly run past the sound, so it claims nothing about the audio.
 */
function claimedDurationMs(
  audio: { duration?: number; tags?: { DURATION?: string } },
  containerSeconds: number | undefined,
): number | undefined {
  const tag = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(audio.tags?.DURATION ?? "");
  const tagSeconds = tag ? Number(tag[1]) * 3600 + Number(tag[2]) * 60 + Number(tag[3]) : undefined;
  const seconds = audio.duration ?? tagSeconds ?? containerSeconds;
  return seconds === undefined || seconds <= 0 ? undefined : Math.round(seconds * 1000);
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

function cutOff(claimedMs: number, heldMs: number): MediaRejectedError {
  const held = Math.max(1, Math.min(99, Math.round((heldMs / claimedMs) * 100)));
  return new MediaRejectedError(
    `This file seems to be cut off: its header describes ${hoursAndMinutes(claimedMs)} of audio, but the file holds only about ${held}% of that. ` +
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
