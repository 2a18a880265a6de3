import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { durationSeconds, joinToAac64k } from "./test-media";

const exec = promisify(execFile);

export interface SpokenParagraphs {
  /** Mono AAC 64k, as processing encodes the download rendition. */
  path: string;
  durationMs: number;
  /** Where each paragraph's recording starts in the audio. */
  paragraphStartsMs: number[];
  /** Silences between the paragraphs, standing in for the processing stage's silence map. */
  silences: { startMs: number; endMs: number }[];
}

/**
 * espeak-ng reads each paragraph into its own file; the files are joined with `pauseMs` of
 * silence between them, after `leadInMs` of silence (as a recording starts before the preacher
 * does), so every paragraph's start in the result is known exactly.
 */
export async function generateSpokenParagraphs(
  dir: string,
  paragraphs: readonly string[],
  { pauseMs = 800, leadInMs = 1000 } = {},
): Promise<SpokenParagraphs> {
  const leadIn = join(dir, "lead-in.wav");
  await exec("ffmpeg", [
    "-nostdin",
    "-loglevel",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `anullsrc=r=16000:cl=mono`,
    "-t",
    String(leadInMs / 1000),
    leadIn,
  ]);
  const parts: string[] = [leadIn];
  const paragraphStartsMs: number[] = [];
  const silences: { startMs: number; endMs: number }[] = [{ startMs: 0, endMs: leadInMs }];
  let atMs = leadInMs;
  for (const [i, text] of paragraphs.entries()) {
    const wav = join(dir, `paragraph-${i}.wav`);
    // The American voice suits pocketsphinx's en-us acoustic model best of espeak's voices.
    await exec("espeak-ng", ["-v", "en-us", "-w", wav, text]);
    const padded = join(dir, `paragraph-${i}-padded.wav`);
    // Resampled here so every part shares one format before they are joined.
    await exec("ffmpeg", [
      "-nostdin",
      "-loglevel",
      "error",
      "-y",
      "-i",
      wav,
      "-af",
      `apad=pad_dur=${pauseMs / 1000}`,
      "-ar",
      "16000",
      "-ac",
      "1",
      padded,
    ]);
    const speechMs = Math.round((await durationSeconds(wav)) * 1000);
    paragraphStartsMs.push(atMs);
    silences.push({ startMs: atMs + speechMs, endMs: atMs + speechMs + pauseMs });
    atMs += Math.round((await durationSeconds(padded)) * 1000);
    parts.push(padded);
  }
  const path = await joinToAac64k(parts, join(dir, "paragraphs.m4a"));
  return {
    path,
    durationMs: Math.round((await durationSeconds(path)) * 1000),
    paragraphStartsMs,
    silences,
  };
}
