// npx tsx scripts/make-asr-sample.ts DIR — writes a small dataset for `npm run eval:asr` into
// DIR: the bench:manuscript sermons read by espeak-ng, one NAME.wav each with its
// NAME.timings.json (paragraph starts exact, as each paragraph is read into a file of its own).
// Generated speech is hard for pocketsphinx: a floor on quality, not a recorded preacher.
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { MANUSCRIPT_SERMONS } from "@/bench/support/manuscript-sermons";
import { requireTools } from "@/bench/support/require-tools";
import { generateSpokenParagraphs } from "@/test/support/spoken-paragraphs";

const PAUSE_MS = 800;
const dir = process.argv[2];
if (!dir) {
  console.error("usage: npx tsx scripts/make-asr-sample.ts DIR");
  process.exit(2);
}
await requireTools("make-asr-sample", ["espeak-ng", "ffmpeg", "ffprobe"]);
const exec = promisify(execFile);
await mkdir(dir, { recursive: true });
for (const [index, paragraphs] of MANUSCRIPT_SERMONS.entries()) {
  const name = `sermon-${index + 1}`;
  const work = path.join(dir, `.${name}`);
  await mkdir(work, { recursive: true });
  const speech = await generateSpokenParagraphs(work, paragraphs, { pauseMs: PAUSE_MS });
  await exec("ffmpeg", [
    "-nostdin",
    "-loglevel",
    "error",
    "-y",
    "-i",
    speech.path,
    path.join(dir, `${name}.wav`),
  ]);
  const timings = {
    title: `Sample sermon ${index + 1}`,
    paragraphs: paragraphs.map((text, i) => ({
      startMs: speech.paragraphStartsMs[i]!,
      endMs: (speech.paragraphStartsMs[i + 1] ?? speech.durationMs + PAUSE_MS) - PAUSE_MS,
      text,
    })),
  };
  await writeFile(path.join(dir, `${name}.timings.json`), `${JSON.stringify(timings, null, 2)}\n`);
  await rm(work, { recursive: true, force: true });
  console.log(
    `${name}.wav: ${paragraphs.length} paragraphs, ${(speech.durationMs / 1000).toFixed(1)} s`,
  );
}
