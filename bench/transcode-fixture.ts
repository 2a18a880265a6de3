// The benchmark's input: an hour of speech-like audio as a typical upload (128 kb/s stereo
// MP3), generated once with espeak-ng + sox + ffmpeg and cached under .data/bench/.
import { execFile } from "node:child_process";
import { access, mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

const PARAGRAPHS = [
  {
    speed: 150,
    pitch: 40,
    text:
      "Grace and peace to you from God our Father and the Lord Jesus Christ. This morning we continue in the letter to the Romans, " +
      "chapter eight. There is therefore now no condemnation for those who are in Christ Jesus. Let that sink in for a moment.",
  },
  {
    speed: 165,
    pitch: 55,
    text:
      "When Paul writes these words he is not speaking to people who have it all together. He is writing to a church in the capital " +
      "of an empire, a small community of servants and merchants, who met in houses and wondered whether any of it mattered.",
  },
  {
    speed: 140,
    pitch: 35,
    text:
      "So what does this mean for our daily lives? It means that on Monday morning, at the kitchen table, at the office, in the hospital " +
      "waiting room, we are not alone. It means that our worth is not measured by what we achieve. Let us pray.",
  },
];

const fixturePath = (cacheDir: string, seconds: number) => join(cacheDir, `sermon-${seconds}s.mp3`);
const isCached = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The programs benchInput spawns: none once the recording is cached. */
export async function benchInputTools(cacheDir: string, seconds: number): Promise<string[]> {
  return (await isCached(fixturePath(cacheDir, seconds))) ? [] : ["espeak-ng", "sox", "ffmpeg"];
}

export async function benchInput(cacheDir: string, seconds: number): Promise<string> {
  const path = fixturePath(cacheDir, seconds);
  if (await isCached(path)) return path;

  await mkdir(cacheDir, { recursive: true });
  const work = join(cacheDir, "fixture-work");
  await mkdir(work, { recursive: true });
  const parts: string[] = [];
  for (const [i, p] of PARAGRAPHS.entries()) {
    const part = join(work, `paragraph-${i}.wav`);
    await exec("espeak-ng", ["-s", String(p.speed), "-p", String(p.pitch), "-w", part, p.text]);
    parts.push(part);
  }
  // Paragraphs with a pause after each, at upload-like 44.1 kHz stereo, repeated past the length.
  const block = join(work, "block.wav");
  await exec("sox", [...parts, "-r", "44100", "-c", "2", block, "pad", "0", "1.5"]);
  const long = join(work, "long.wav");
  await exec("sox", [
    block,
    long,
    "repeat",
    String(Math.ceil(seconds / 30)),
    "trim",
    "0",
    String(seconds),
  ]);
  await exec("ffmpeg", [
    "-nostdin",
    "-loglevel",
    "error",
    "-y",
    "-i",
    long,
    "-c:a",
    "libmp3lame",
    "-b:a",
    "128k",
    `${path}.tmp.mp3`,
  ]);
  await rename(`${path}.tmp.mp3`, path);
  await rm(work, { recursive: true, force: true });
  return path;
}
