// npm run bench:asr — the local transcription provider (pocketsphinx) on generated speech of
// known text: word error rate and real-time factor.
//
// The speech is espeak-ng reading a fixed public-domain passage (KJV, Matthew 5–6) until the
// recording is at least BENCH_ASR_MINUTES long (default 10), encoded as processing encodes the
// download rendition (mono AAC 64k). Silences come from ffmpeg's silencedetect, standing in
// for the processing stage's silence map. Synthetic speech is hard for pocketsphinx's acoustic
// model: the WER here is a floor on quality, not what a recorded preacher would get.
import { execFile } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { transcribeLocally } from "@/lib/pipeline/transcription/local/transcribe-locally";
import { requireTools } from "./support/require-tools";
import { durationSeconds, joinToAac64k } from "@/test/support/test-media";
import { wordErrorRate } from "@/test/support/word-error-rate";

// Here: espeak-ng, ffprobe, ffmpeg, bash and seq; in transcribeLocally: ffmpeg and pocketsphinx
// with its en-us model.
await requireTools("bench:asr", [
  "espeak-ng",
  "ffmpeg",
  "ffprobe",
  "pocketsphinx_continuous",
  "pocketsphinx-en-us",
  "bash",
  "seq",
]);

const exec = promisify(execFile);
const MINUTES = Number(process.env.BENCH_ASR_MINUTES ?? 10);
const PROCESSES = Number(process.env.LOCAL_TRANSCRIPTION_PROCESSES ?? 2);
const WORK_DIR = join(process.cwd(), ".data", "bench", "asr");

const PASSAGE = `And seeing the multitudes, he went up into a mountain: and when he was set, his disciples came unto him.
And he opened his mouth, and taught them, saying, Blessed are the poor in spirit: for theirs is the kingdom of heaven.
Blessed are they that mourn: for they shall be comforted. Blessed are the meek: for they shall inherit the earth.
Blessed are they which do hunger and thirst after righteousness: for they shall be filled.
Blessed are the merciful: for they shall obtain mercy. Blessed are the pure in heart: for they shall see God.
Blessed are the peacemakers: for they shall be called the children of God.
Ye are the salt of the earth: but if the salt have lost his savour, wherewith shall it be salted?
Ye are the light of the world. A city that is set on an hill cannot be hid.
Neither do men light a candle, and put it under a bushel, but on a candlestick; and it giveth light unto all that are in the house.
Let your light so shine before men, that they may see your good works, and glorify your Father which is in heaven.
Take heed that ye do not your alms before men, to be seen of them: otherwise ye have no reward of your Father which is in heaven.
After this manner therefore pray ye: Our Father which art in heaven, Hallowed be thy name. Thy kingdom come.
Thy will be done in earth, as it is in heaven. Give us this day our daily bread.
And forgive us our debts, as we forgive our debtors. And lead us not into temptation, but deliver us from evil.
Lay not up for yourselves treasures upon earth, where moth and rust doth corrupt, and where thieves break through and steal:
But lay up for yourselves treasures in heaven, for where your treasure is, there will your heart be also.
Consider the lilies of the field, how they grow; they toil not, neither do they spin.
But seek ye first the kingdom of God, and his righteousness; and all these things shall be added unto you.`;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z'\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);

/**
 * CPU seconds of this process's finished children (the recognisers and ffmpeg), from
 * /proc/self/stat's cutime + cstime: a figure the machine's other load hardly moves.
 */
async function childCpuSeconds(): Promise<number> {
  const fields = (await readFile("/proc/self/stat", "utf8")).split(") ")[1]?.split(" ") ?? [];
  // After "pid (comm) ", cutime and cstime are the 14th and 15th fields, in clock ticks (100 Hz).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function silences(path: string) {
  const { stderr } = await exec(
    "ffmpeg",
    [
      "-nostdin",
      "-hide_banner",
      "-i",
      path,
      "-af",
      "silencedetect=n=-40dB:d=0.3",
      "-f",
      "null",
      "-",
    ],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const starts = [...stderr.matchAll(/silence_start: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
  const ends = [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
  return starts.flatMap((startMs, i) =>
    ends[i] === undefined ? [] : [{ startMs, endMs: ends[i] ?? startMs }],
  );
}

await rm(WORK_DIR, { recursive: true, force: true });
await mkdir(WORK_DIR, { recursive: true });
const passageWav = join(WORK_DIR, "passage.wav");
// The American voice suits the en-us acoustic model best of espeak's voices (still poorly).
await exec("espeak-ng", ["-v", "en-us", "-w", passageWav, PASSAGE]);
const repeats = Math.ceil((MINUTES * 60) / (await durationSeconds(passageWav)));
const audio = await joinToAac64k(
  Array.from({ length: repeats }, () => passageWav),
  join(WORK_DIR, "speech.m4a"),
);
const audioMs = Math.round((await durationSeconds(audio)) * 1000);
const reference = Array.from({ length: repeats }, () => words(PASSAGE)).flat();

const loadBefore = loadavg()[0] ?? 0;
const silenceMap = await silences(audio);
const cpuBefore = await childCpuSeconds();
const started = performance.now();
const transcript = await transcribeLocally(
  { path: audio, durationMs: audioMs, silences: silenceMap },
  { processes: PROCESSES, timeoutSeconds: 3600 },
);
const wallMs = performance.now() - started;
const cpuSeconds = (await childCpuSeconds()) - cpuBefore;
const hypothesis = transcript.words.map((word) => word.text.toLowerCase());
const wer = wordErrorRate(reference, hypothesis);
const rtf = wallMs / audioMs;

console.log(
  `audio: ${(audioMs / 60_000).toFixed(1)} min of espeak-ng speech (${reference.length} reference words), ${PROCESSES} recogniser processes on ${cpus().length} cores`,
);
console.log(
  `recognised ${hypothesis.length} words in ${(wallMs / 1000).toFixed(1)} s wall (load average ${loadBefore.toFixed(1)} before)`,
);
console.log(`word error rate: ${(wer * 100).toFixed(1)} %`);
console.log(
  `real-time factor: ${rtf.toFixed(3)} wall (${(1 / rtf).toFixed(1)}x real time), ${(cpuSeconds / (audioMs / 1000)).toFixed(3)} CPU-s per audio second`,
);
console.log(
  JSON.stringify({
    bench: "asr",
    provider: "local",
    model: transcript.model,
    audioSeconds: Math.round(audioMs / 1000),
    processes: PROCESSES,
    referenceWords: reference.length,
    recognisedWords: hypothesis.length,
    wer: Number(wer.toFixed(4)),
    realTimeFactor: Number(rtf.toFixed(4)),
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
    cpuSeconds: Number(cpuSeconds.toFixed(1)),
    cpuSecondsPerAudioSecond: Number((cpuSeconds / (audioMs / 1000)).toFixed(4)),
    loadAverage: Number(loadBefore.toFixed(2)),
  }),
);
