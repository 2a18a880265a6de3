// npm run eval:asr -- --dataset DIR [--manuscript]
// Word error rate of the local recogniser on recordings with known text (eval/asr/asr-dataset.ts
// says what DIR holds). Each recording goes the way an upload goes: the processing stage
// (prepareSermonMedia: the normalised download rendition and the silence map), the local
// recogniser, scripture snapping; with --manuscript, the paragraphs' text is the sermon's
// manuscript and the transcript is aligned to it as the pipeline aligns it. The title and main
// passage are read as an admin would give them; the recogniser does not use them yet.
// The last line is one JSON object: { files, audioSeconds, wer, realtimeFactor[, manuscript] }.
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { InvalidAsrDatasetError, loadAsrDataset } from "@/eval/asr/asr-dataset";
import { prepareSermonMedia } from "@/lib/pipeline/media/prepare-sermon-media";
import { DOWNLOAD_NAME } from "@/lib/catalog/sermons/sermon-version";
import { transcribeLocally } from "@/lib/pipeline/transcription/local/transcribe-locally";
import { alignTranscriptToManuscript } from "@/lib/pipeline/transcription/manuscript/align-transcript-to-manuscript";
import { parseManuscript } from "@/lib/pipeline/transcription/manuscript/parse-manuscript";
import { recogniseWithManuscript } from "@/lib/pipeline/transcription/manuscript/recognise-with-manuscript";
import { spokenTokens } from "@/lib/pipeline/transcription/manuscript/spoken-tokens";
import { snapTranscriptScripture } from "@/lib/pipeline/transcription/scripture-snap/snap-transcript-scripture";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { scriptureEnvSchema } from "@/lib/platform/config/scripture-env";
import { transcriptionEnvSchema } from "@/lib/platform/config/transcription-env";
import { wordErrorRate } from "@/test/support/word-error-rate";
import { requireTools } from "@/bench/support/require-tools";
import { runCli } from "./cli/run-cli";

const USAGE = "npm run eval:asr -- --dataset DIR [--manuscript]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dataset: { type: "string" }, manuscript: { type: "boolean", default: false } },
});
const datasetDir = values.dataset ?? positionals[0];
if (!datasetDir) {
  console.error(`eval:asr: which dataset? usage: ${USAGE}`);
  process.exit(2);
}
let recordings;
try {
  recordings = await loadAsrDataset(datasetDir);
} catch (error) {
  if (!(error instanceof InvalidAsrDatasetError)) throw error;
  console.error(`eval:asr: ${error.message}`);
  process.exit(2);
}

await requireTools("eval:asr", [
  "ffmpeg",
  "ffprobe",
  "pocketsphinx_continuous",
  "pocketsphinx-en-us",
]);

const tokensOf = (texts: readonly string[]) =>
  texts.flatMap((text) => text.split(/\s+/)).flatMap(spokenTokens);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;
};

await runCli(
  async () => {
    const env = {
      ...parseEnv(transcriptionEnvSchema, process.env),
      ...parseEnv(scriptureEnvSchema, process.env),
    };
    const settings = {
      processes: env.LOCAL_TRANSCRIPTION_PROCESSES,
      timeoutSeconds: env.TRANSCRIPTION_TIMEOUT_SECONDS,
    };
    const loadAverage = loadavg()[0] ?? 0;
    const reference: string[] = [];
    const recognised: string[] = [];
    const aligned: string[] = [];
    const startErrors: number[] = [];
    let audioMs = 0;
    let recognitionMs = 0;
    for (const recording of recordings) {
      const work = await mkdtemp(path.join(tmpdir(), "selah-eval-asr-"));
      try {
        const media = await prepareSermonMedia(recording.audioPath, work);
        const audio = {
          path: path.join(work, DOWNLOAD_NAME),
          durationMs: media.durationMs,
          silences: media.silences,
        };
        const started = performance.now();
        const machine = (
          await snapTranscriptScripture(await transcribeLocally(audio, settings), env)
        ).transcript;
        recognitionMs += performance.now() - started;
        audioMs += media.durationMs;
        const texts = recording.timings.paragraphs.map((p) => p.text);
        const words = tokensOf(texts);
        reference.push(...words);
        const heard = tokensOf(machine.words.map((w) => w.text));
        recognised.push(...heard);
        let line = `${recording.name}: ${(media.durationMs / 1000).toFixed(1)} s, WER ${(wordErrorRate(words, heard) * 100).toFixed(1)} %`;
        if (values.manuscript) {
          const manuscript = parseManuscript(texts.join("\n\n"));
          const biased = await recogniseWithManuscript(audio, manuscript, settings);
          const result = alignTranscriptToManuscript(manuscript, biased.words, machine.words);
          const alignedWords = tokensOf(result.words.map((w) => w.text));
          aligned.push(...alignedWords);
          recording.timings.paragraphs.forEach((paragraph, i) => {
            const found = result.paragraphStartsMs[i];
            startErrors.push(found === undefined ? Infinity : Math.abs(found - paragraph.startMs));
          });
          line += `; with the manuscript WER ${(wordErrorRate(words, alignedWords) * 100).toFixed(1)} %`;
        }
        console.log(line);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }
    const round = (value: number, digits = 4) => Number(value.toFixed(digits));
    const result = {
      files: recordings.length,
      audioSeconds: round(audioMs / 1000, 1),
      wer: round(wordErrorRate(reference, recognised)),
      // Recognition time (scripture snapping included) over the audio's length: below 1 is
      // faster than real time.
      realtimeFactor: round(recognitionMs / audioMs),
      ...(values.manuscript
        ? {
            manuscript: {
              wer: round(wordErrorRate(reference, aligned)),
              paragraphStartErrorMs: {
                p50: Math.round(percentile(startErrors, 0.5)),
                p95: Math.round(percentile(startErrors, 0.95)),
              },
            },
          }
        : {}),
      loadAverage: round(loadAverage, 2),
    };
    console.log(JSON.stringify(result));
  },
  { usage: USAGE },
);
