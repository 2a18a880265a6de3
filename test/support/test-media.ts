// Test-only helpers: media is generated at test time with ffmpeg (lavfi) and espeak-ng,
// so no binary fixtures live in the repository.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { seededRandom } from "./seeded-random";

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

/**
 * An AMR-NB file (3GPP "#!AMR" storage format), written byte by byte: Debian's ffmpeg can
 * decode AMR but has no encoder (libopencore-amrnb is not built in). Each 20 ms frame is a
 * 12.2 kbit/s frame header and 31 bytes of seeded-random speech parameters, which the decoder
 * turns into audible noise, as it would a real (if unintelligible) voice.
 */
export async function generateAmr(dir: string, name: string, seconds: number): Promise<string> {
  const random = seededRandom(seconds);
  const frames = Array.from({ length: seconds * 50 }, () =>
    Buffer.from([0x3c, ...Array.from({ length: 31 }, () => Math.floor(random() * 256))]),
  );
  const path = join(dir, name);
  await writeFile(path, Buffer.concat([Buffer.from("#!AMR\n"), ...frames]));
  return path;
}

/**
 * A VBR MP3 with no Xing header: a quiet second, then loud noise. ffmpeg can only guess its
 * length from the first frame's bitrate (a quiet, small frame), so its header-based duration
 * is several times the real one, as with the recorders that write such files.
 */
export async function generateVbrMp3WithoutXing(dir: string, name: string, seconds: number) {
  return generateMedia(dir, name, [
    ...["-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono:d=1"],
    ...["-f", "lavfi", "-i", `anoisesrc=d=${seconds - 1}:a=0.5:r=44100`],
    ...["-filter_complex", "[0][1]concat=n=2:v=0:a=1"],
    ...["-c:a", "libmp3lame", "-q:a", "0", "-write_xing", "0", "-id3v2_version", "0"],
  ]);
}

/**
 * Raw ADTS AAC whose start is loud noise and the rest quiet: ffmpeg estimates its length from
 * the first frames' bitrate, so its header-based duration is far short of the real one.
 */
export async function generateAdtsLoudStart(dir: string, name: string, seconds: number) {
  return generateMedia(dir, name, [
    ...["-f", "lavfi", "-i", "anoisesrc=d=3:a=0.8:r=44100"],
    ...["-f", "lavfi", "-i", `sine=frequency=220:sample_rate=44100:duration=${seconds - 3}`],
    ...["-filter_complex", "[1]volume=-30dB[q];[0][q]concat=n=2:v=0:a=1"],
    ...["-c:a", "aac", "-b:a", "256k", "-f", "adts"],
  ]);
}

/** Joins audio files end to end into one mono AAC 64k file, as processing encodes the download. */
export async function joinToAac64k(files: readonly string[], path: string): Promise<string> {
  const list = `${path}.txt`;
  await writeFile(list, files.map((file) => `file '${file.replaceAll("'", "'\\''")}'\n`).join(""));
  await exec("ffmpeg", [
    "-nostdin",
    "-loglevel",
    "error",
    "-y",
    "-f",
    "concat",
    "-safe",
    "0",
    "-i",
    list,
    "-ac",
    "1",
    "-c:a",
    "aac",
    "-b:a",
    "64k",
    path,
  ]);
  return path;
}
