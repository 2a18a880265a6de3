import { join } from "node:path";
import { runFfmpeg } from "@/lib/pipeline/media/ffmpeg-runner";
import type { AudioPiece } from "./plan-audio-pieces";

const TIMEOUT_MS = 10 * 60 * 1000;
const HARDENED = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y"] as const;
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Copies one piece of an AAC/M4A file without re-encoding (cuts land on AAC frames, ~21 ms). */
export async function cutAudioCopy(
  input: string,
  piece: AudioPiece,
  dir: string,
  index: number,
): Promise<string> {
  const output = join(dir, `piece-${String(index).padStart(3, "0")}.m4a`);
  await runFfmpeg({
    binary: "ffmpeg",
    args: [
      ...HARDENED,
      "-ss",
      seconds(piece.startMs),
      "-to",
      seconds(piece.endMs),
      "-i",
      input,
      "-vn",
      "-map",
      "0:a:0",
      "-c",
      "copy",
      "-f",
      "ipod",
      output,
    ],
    timeoutMs: TIMEOUT_MS,
  });
  return output;
}

/**
 * One piece (or all, without `piece`) as 16 kHz mono 16-bit WAV, what pocketsphinx reads. With
 * `primeMs`, the piece's first `primeMs` come first once more, then `PRIMER_GAP_MS` of silence,
 * then the whole piece: the caller drops what was heard before the piece proper.
 */
export async function cutSpeechWav(
  input: string,
  output: string,
  piece?: AudioPiece,
  { primeMs = 0 } = {},
): Promise<string> {
  const range = piece ? ["-ss", seconds(piece.startMs), "-to", seconds(piece.endMs)] : [];
  const primed =
    primeMs > 0
      ? [
          "-filter_complex",
          `[0:a:0]asplit[primer][piece];[primer]atrim=end=${seconds(primeMs)},asetpts=PTS-STARTPTS,` +
            `apad=pad_dur=${seconds(PRIMER_GAP_MS)}[primed];[primed][piece]concat=n=2:v=0:a=1[out]`,
          "-map",
          "[out]",
        ]
      : ["-map", "0:a:0"];
  await runFfmpeg({
    binary: "ffmpeg",
    args: [
      ...HARDENED,
      ...range,
      "-i",
      input,
      "-vn",
      ...primed,
      "-ac",
      "1",
      "-ar",
      "16000",
      "-c:a",
      "pcm_s16le",
      "-f",
      "wav",
      output,
    ],
    timeoutMs: TIMEOUT_MS,
  });
  return output;
}

/** The silence between a primer and the piece, so no word of one runs into the other. */
export const PRIMER_GAP_MS = 500;
