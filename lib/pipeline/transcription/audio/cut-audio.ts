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

/** One piece (or all, without `piece`) as 16 kHz mono 16-bit WAV, what pocketsphinx reads. */
export async function cutSpeechWav(
  input: string,
  output: string,
  piece?: AudioPiece,
): Promise<string> {
  const range = piece ? ["-ss", seconds(piece.startMs), "-to", seconds(piece.endMs)] : [];
  await runFfmpeg({
    binary: "ffmpeg",
    args: [
      ...HARDENED,
      ...range,
      "-i",
      input,
      "-vn",
      "-map",
      "0:a:0",
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
