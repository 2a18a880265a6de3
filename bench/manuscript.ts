// npm run bench:manuscript — a manuscript aligned to generated speech: word error rate of the
// aligned transcript against what was said, and how far each paragraph's start lands from
// where it was spoken; once with the exact text as manuscript, once with a manuscript that
// differs from the speech in a fifth of its sentences (replaced, added, removed).
//
// Each paragraph is read by espeak-ng into its own file and the files are joined, so paragraph
// starts are known exactly. The local recogniser hears the audio three ways: biased to each
// manuscript, and with its generic model (for the speech a manuscript lacks).
import { mkdir, rm } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { transcribeLocally } from "@/lib/pipeline/transcription/local/transcribe-locally";
import { alignTokenSequences } from "@/lib/pipeline/transcription/manuscript/align-token-sequences";
import { alignTranscriptToManuscript } from "@/lib/pipeline/transcription/manuscript/align-transcript-to-manuscript";
import { parseManuscript } from "@/lib/pipeline/transcription/manuscript/parse-manuscript";
import { recogniseWithManuscript } from "@/lib/pipeline/transcription/manuscript/recognise-with-manuscript";
import { spokenTokens } from "@/lib/pipeline/transcription/manuscript/spoken-tokens";
import { generateSpokenParagraphs } from "@/test/support/spoken-paragraphs";
import { wordErrorRate } from "@/test/support/word-error-rate";
import { MANUSCRIPT_SERMONS, OTHER_SENTENCES } from "./support/manuscript-sermons";
import { requireTools } from "./support/require-tools";

await requireTools("bench:manuscript", [
  "espeak-ng",
  "ffmpeg",
  "ffprobe",
  "pocketsphinx_continuous",
  "pocketsphinx-en-us",
  "bash",
]);

const PROCESSES = Number(process.env.LOCAL_TRANSCRIPTION_PROCESSES ?? 2);
const WORK_DIR = join(process.cwd(), ".data", "bench", "manuscript");
const GOAL_WER = 0.05;
const GOAL_P95_MS = 500;

const sentencesOf = (paragraph: string) =>
  paragraph.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [];
const tokensOf = (text: string) => text.split(/\s+/).flatMap(spokenTokens);

/**
 * The manuscript with every fifth sentence altered, in turn replaced by another, removed (the
 * preacher said it, the manuscript lacks it) or followed by one the preacher never said.
 * Also says which paragraphs still begin with what was said.
 */
function deviate(paragraphs: readonly string[], sentenceOffset: number) {
  let n = sentenceOffset;
  let other = sentenceOffset;
  let altered = 0;
  const intactStarts: boolean[] = [];
  const text = paragraphs.map((paragraph) => {
    const out: string[] = [];
    sentencesOf(paragraph).forEach((sentence, i) => {
      const kind = n % 5 === 2 ? Math.floor(n / 5) % 3 : -1;
      n++;
      if (kind >= 0) altered++;
      if (i === 0) intactStarts.push(kind !== 0 && kind !== 1);
      if (kind === 0) out.push(OTHER_SENTENCES[other++ % OTHER_SENTENCES.length] ?? "");
      else if (kind === 1) return;
      else out.push(sentence);
      if (kind === 2) out.push(OTHER_SENTENCES[other++ % OTHER_SENTENCES.length] ?? "");
    });
    return out.join(" ");
  });
  return { text: text.join("\n\n"), intactStarts, altered };
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
};

await rm(WORK_DIR, { recursive: true, force: true });
const loadBefore = loadavg()[0] ?? 0;
const started = performance.now();
const spoken: string[] = [];
const exact: string[] = [];
const deviated: string[] = [];
const startErrors: number[] = [];
const startErrorsDeviated: number[] = [];
let audioMs = 0;
let sentenceOffset = 0;
let alteredSentences = 0;
let totalSentences = 0;
let departures = 0;
let droppedSentences = 0;
for (const [s, paragraphs] of MANUSCRIPT_SERMONS.entries()) {
  const dir = join(WORK_DIR, `sermon-${s}`);
  await mkdir(dir, { recursive: true });
  const speech = await generateSpokenParagraphs(dir, paragraphs);
  audioMs += speech.durationMs;
  const audio = { path: speech.path, durationMs: speech.durationMs, silences: speech.silences };
  const settings = { processes: PROCESSES, timeoutSeconds: 3600 };
  const changed = deviate(paragraphs, sentenceOffset);
  const sentenceCount = paragraphs.flatMap(sentencesOf).length;
  sentenceOffset += sentenceCount;
  totalSentences += sentenceCount;
  alteredSentences += changed.altered;

  const exactManuscript = parseManuscript(paragraphs.join("\n\n"));
  const heardExact = await recogniseWithManuscript(audio, exactManuscript, settings);
  const alignedExact = alignTranscriptToManuscript(exactManuscript, heardExact.words);
  const deviatedManuscript = parseManuscript(changed.text);
  const [heardDeviated, heardGenerically] = [
    await recogniseWithManuscript(audio, deviatedManuscript, settings),
    await transcribeLocally(audio, settings),
  ];
  const alignedDeviated = alignTranscriptToManuscript(
    deviatedManuscript,
    heardDeviated.words,
    heardGenerically.words,
  );
  departures += alignedDeviated.departures;
  droppedSentences += alignedDeviated.droppedSentences;

  spoken.push(...paragraphs);
  exact.push(...alignedExact.words.map((w) => w.text));
  deviated.push(...alignedDeviated.words.map((w) => w.text));
  speech.paragraphStartsMs.forEach((truth, p) => {
    const found = alignedExact.paragraphStartsMs[p];
    startErrors.push(found === undefined ? Infinity : Math.abs(found - truth));
    if (changed.intactStarts[p]) {
      const again = alignedDeviated.paragraphStartsMs[p];
      startErrorsDeviated.push(again === undefined ? Infinity : Math.abs(again - truth));
    }
  });
}
const wallMs = performance.now() - started;

const reference = tokensOf(spoken.join(" "));
const wer = wordErrorRate(reference, tokensOf(exact.join(" ")));
const werDeviated = wordErrorRate(reference, tokensOf(deviated.join(" ")));
// A spoken word is lost when the output has nothing in its place (a deletion); one heard wrong
// is still there to correct.
const deviatedPairs = alignTokenSequences(reference, tokensOf(deviated.join(" ")));
const spokenWordsLost = deviatedPairs.filter((pair) => pair.b === undefined).length;
// A spoken sentence is lost when none of its words has anything in its place: the passage is
// gone from the transcript, not merely heard short by the recogniser.
const spokenSentences = spoken.flatMap(sentencesOf);
const sentenceOfToken = spokenSentences.flatMap((sentence, index) =>
  tokensOf(sentence).map(() => index),
);
if (sentenceOfToken.length !== reference.length)
  throw new Error("bench:manuscript: the spoken text does not split into whole sentences");
const heardSentences = new Set(
  deviatedPairs.flatMap((pair) =>
    pair.a !== undefined && pair.b !== undefined ? [sentenceOfToken[pair.a]] : [],
  ),
);
const spokenSentencesLost = spokenSentences.length - heardSentences.size;
const paragraphStartP95Ms = p95(startErrors);
const paragraphStartP95MsDeviated = p95(startErrorsDeviated);
const checks = {
  wer: wer <= GOAL_WER,
  paragraphStartP95Ms: paragraphStartP95Ms <= GOAL_P95_MS,
  paragraphStartP95MsDeviated: paragraphStartP95MsDeviated <= GOAL_P95_MS,
  spokenSentencesLost: spokenSentencesLost === 0,
};

console.log(
  `audio: ${(audioMs / 60_000).toFixed(1)} min of espeak-ng speech in ${MANUSCRIPT_SERMONS.length} sermons (${reference.length} words, ${startErrors.length} paragraphs), ${PROCESSES} recogniser processes on ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before`,
);
console.log(
  `exact manuscript: WER ${(wer * 100).toFixed(1)} %, paragraph start error p95 ${paragraphStartP95Ms} ms`,
);
console.log(
  `deviated manuscript (${alteredSentences} of ${totalSentences} sentences altered): WER ${(werDeviated * 100).toFixed(1)} %, paragraph start error p95 ${paragraphStartP95MsDeviated} ms over ${startErrorsDeviated.length} intact paragraph starts, ${spokenSentencesLost} spoken sentences and ${spokenWordsLost} spoken words lost, ${droppedSentences} sentences dropped, ${departures} departures kept as recognised`,
);
console.log(`wall time ${(wallMs / 1000).toFixed(1)} s`);
console.log(
  JSON.stringify({
    bench: "manuscript",
    audioSeconds: Math.round(audioMs / 1000),
    referenceWords: reference.length,
    paragraphs: startErrors.length,
    wer: Number(wer.toFixed(4)),
    paragraphStartP95Ms,
    alteredSentences,
    sentences: totalSentences,
    werDeviated: Number(werDeviated.toFixed(4)),
    paragraphStartP95MsDeviated,
    spokenSentencesLost,
    spokenWordsLost,
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    loadAverage: Number(loadBefore.toFixed(2)),
    checks,
  }),
);
