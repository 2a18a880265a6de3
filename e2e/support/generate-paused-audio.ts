import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** A recording of speech-like bursts with pauses of digital silence between them. */
export interface PausedAudio {
  file: string;
  durationSec: number;
  /** Where the bursts are, in seconds: what skipping silence must play in full. */
  speech: { startSec: number; endSec: number }[];
}

/**
 * `pauses` silences of `pauseSec` each, between bursts of `speechSec` (one more burst than
 * pauses), as lossless FLAC, made once per run with ffmpeg. The bursts are a 220 Hz voice
 * with a syllable-rate swell and some breath noise, never quiet enough to count as silence;
 * drawn per sample, so every pause starts and ends exactly where `speech` says.
 */
export function generatePausedAudio({
  pauses,
  pauseSec,
  speechSec,
}: {
  pauses: number;
  pauseSec: number;
  speechSec: number;
}): PausedAudio {
  const period = speechSec + pauseSec;
  const durationSec = pauses * period + speechSec;
  const speech = Array.from({ length: pauses + 1 }, (_, i) => ({
    startSec: i * period,
    endSec: i * period + speechSec,
  }));
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `paused-${pauses}x${pauseSec}s-${speechSec}s.flac`);
  if (!existsSync(file)) {
    const voice = `(0.6+0.3*sin(2*PI*4*t))*sin(2*PI*220*t)+0.08*(2*random(0)-1)`;
    execFileSync("ffmpeg", [
      "-nostdin",
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      `aevalsrc='if(lt(mod(t,${period}),${speechSec}),0.5*(${voice}),0)':s=44100:d=${durationSec}`,
      "-ac",
      "1",
      "-sample_fmt",
      "s16",
      "-c:a",
      "flac",
      file,
    ]);
  }
  return { file, durationSec, speech };
}
