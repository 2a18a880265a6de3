import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { runFfmpeg } from "@/lib/pipeline/media/ffmpeg-runner";
import { runInBackground } from "@/lib/platform/process/background-priority";

const LEAD_IN_MS = 1000;
const PAUSE_MS = 800;
/** Joining a quarter of an hour's paragraphs takes seconds; this only stops a hung ffmpeg. */
const JOIN_TIMEOUT_MS = 5 * 60_000;
// The American voice suits the local recogniser's en-us acoustic model best of espeak's voices.
const VOICE = "en-us";
/** Words a minute: a little slower than espeak-ng's 175, nearer a preacher's pace. */
export const WORDS_PER_MINUTE = 160;
/** Part of the cache key: a change to how the audio is made renders it again. */
const RENDERING = `espeak-ng ${VOICE} at ${WORDS_PER_MINUTE} wpm, lead-in ${LEAD_IN_MS} ms, pauses ${PAUSE_MS} ms, mp3 64k mono`;

/**
 * Reads `paragraphs` aloud with espeak-ng into an MP3 under `cacheDir` (a second of silence
 * first, as a recording starts before the preacher does, and a pause after each paragraph) and
 * returns its path. The file is named by what it holds, so the same text is rendered once.
 */
export async function renderSpokenSermon(
  paragraphs: readonly string[],
  cacheDir: string,
): Promise<string> {
  const digest = createHash("sha256")
    .update(JSON.stringify([RENDERING, paragraphs]))
    .digest("hex")
    .slice(0, 16);
  const target = path.join(cacheDir, `${digest}.mp3`);
  if (existsSync(target)) return target;

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(path.join(cacheDir, ".render-"));
  try {
    const parts: string[] = [];
    for (const [index, text] of paragraphs.entries()) {
      const wav = path.join(work, `${index}.wav`);
      await speak(text, wav);
      parts.push(wav);
    }
    const pads = parts.map(
      (_, index) =>
        `[${index}:a]${index === 0 ? `adelay=${LEAD_IN_MS},` : ""}apad=pad_dur=${PAUSE_MS / 1000}[p${index}]`,
    );
    const joined = `${parts.map((_, index) => `[p${index}]`).join("")}concat=n=${parts.length}:v=0:a=1[out]`;
    const partial = path.join(work, "sermon.mp3");
    await runFfmpeg({
      binary: "ffmpeg",
      args: [
        ...["-nostdin", "-hide_banner", "-loglevel", "error", "-y"],
        ...parts.flatMap((part) => ["-i", part]),
        ...["-filter_complex", [...pads, joined].join(";"), "-map", "[out]"],
        ...["-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", partial],
      ],
      timeoutMs: JOIN_TIMEOUT_MS,
    });
    await rename(partial, target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** espeak-ng reads `text` into `wav`, below the web app's priority. */
function speak(text: string, wav: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // `--` ends the options, so a paragraph starting with "-" is read, not parsed.
    const args = ["-v", VOICE, "-s", String(WORDS_PER_MINUTE), "-w", wav, "--", text];
    const child = execFile("espeak-ng", args, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        return reject(
          new Error(
            "espeak-ng is not installed; it reads the demo sermons aloud (apt-get install espeak-ng).",
          ),
        );
      reject(new Error(`espeak-ng failed: ${stderr.trim() || error.message}`));
    });
    runInBackground(child.pid);
  });
}
