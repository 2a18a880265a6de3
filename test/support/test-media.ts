// Test-only helpers: media is generated at test time with ffmpeg (lavfi) and espeak-ng,
// so no binary fixtures live in the repository.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** Runs ffmpeg to write `name` in `dir` (unhardened: the inputs are our own generators). */
export async function generateMedia(
  dir: string,
  name: string,
  args: readonly string[],
): Promise<string> {
  const path = join(dir, name);
  await exec("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", ...args, path]);
  return path;
}

/** About 18 s of synthetic speech, with natural pauses between sentences. */
export async function generateSpeech(dir: string, name = "speech.wav"): Promise<string> {
  const path = join(dir, name);
  await exec("espeak-ng", [
    "-w",
    path,
    "Grace and peace to you. Today we read from the letter to the Romans, chapter eight. " +
      "There is therefore now no condemnation. Let us consider what this means for our daily lives, " +
      "for our families, and for the church. When we gather together, we remember that we are not alone.",
  ]);
  return path;
}

/** Integrated loudness as ffmpeg's own EBU R128 meter reports it (independent of our meter). */
export async function measureLoudnessWithFfmpeg(
  path: string,
  inputArgs: readonly string[] = [],
): Promise<number> {
  const { stderr } = await exec("ffmpeg", [
    "-nostdin",
    "-hide_banner",
    ...inputArgs,
    "-i",
    path,
    "-af",
    "ebur128=framelog=verbose",
    "-f",
    "null",
    "-",
  ]);
  const match = /Integrated loudness:\s*I:\s*(-?[\d.]+) LUFS/.exec(stderr);
  if (!match) throw new Error(`no loudness in ffmpeg output for ${path}`);
  return Number(match[1]);
}

export async function durationSeconds(path: string): Promise<number> {
  const { stdout } = await exec("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "format=duration",
    "-of",
    "csv=p=0",
    path,
  ]);
  return Number(stdout.trim());
}

/** "type:codec:channels" for every stream, e.g. ["audio:aac:1"]. */
export async function streamSummary(path: string): Promise<string[]> {
  const { stdout } = await exec("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "stream=codec_type,codec_name,channels",
    "-of",
    "json",
    path,
  ]);
  const { streams } = JSON.parse(stdout) as {
    streams: { codec_type: string; codec_name: string; channels?: number }[];
  };
  return streams.map((s) => `${s.codec_type}:${s.codec_name}:${s.channels ?? ""}`);
}
