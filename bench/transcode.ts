// npm run bench:transcode — the whole lib/media work on a 60-minute sermon, against bare
// ffmpeg commands producing the same outputs, in the same run.
//
// Figures: wall time of lib/media (probe + analysis + transcode + waveform + silence map),
// wall time of the bare ffmpeg equivalent (one ffmpeg analysis pass with its own meters
// — ebur128, silencedetect, low-rate PCM for the waveform — then the same decoder and
// rendition encoders joined by FIFOs in a bash script), their ratio (target ≤ 1.2),
// realtime factor (target ≥ 150×) and time to the first playable segment (target ≤ 5 s).
// CPU seconds are printed too: on a shared machine they vary less than wall time.
import { spawn } from "node:child_process";
import { access, mkdir, readFile, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import {
  ACCEPTED_DEMUXERS,
  FFMPEG_PLAYLIST_NAME,
  PROTOCOL_WHITELIST,
  RENDITIONS,
  normalisedPcmArgs,
  renditionEncodeArgs,
} from "../lib/media/ffmpeg-args";
import { loudnessGain } from "../lib/media/loudness-gain";
import { prepareSermonMedia } from "../lib/media/prepare-sermon-media";
import { benchInput } from "./transcode-fixture";

// BENCH_TRANSCODE_MINUTES makes a quick smoke run possible; the figures are for 60.
const SECONDS = Number(process.env.BENCH_TRANSCODE_MINUTES ?? 60) * 60;
const CACHE_DIR = join(process.cwd(), ".data", "bench");

interface RunFigures {
  wallS: number;
  /** Probe + loudness measurement, waveform and silence map: what gates the first segment. */
  analysedS: number;
  firstPlayableS: number;
  cpuS: number;
}

const input = await benchInput(CACHE_DIR, SECONDS);
await readFile(input); // into the page cache, so neither run pays for the first read
const outRoot = join(CACHE_DIR, "transcode-out");
await rm(outRoot, { recursive: true, force: true });
const loadAtStart = loadavg()[0] ?? 0;

const bare = await measure(() => runBareFfmpeg(join(outRoot, "bare")));
const lib = await measure(() => runLibMedia(join(outRoot, "lib")));

const figures = {
  inputSeconds: SECONDS,
  libWallS: round(lib.wallS),
  bareWallS: round(bare.wallS),
  ratio: round(lib.wallS / bare.wallS),
  realtimeFactor: round(SECONDS / lib.wallS),
  firstPlayableS: round(lib.firstPlayableS),
  bareFirstPlayableS: round(bare.firstPlayableS),
  analysedS: round(lib.analysedS),
  bareAnalysedS: round(bare.analysedS),
  libCpuS: round(lib.cpuS),
  bareCpuS: round(bare.cpuS),
  cpuRatio: round(lib.cpuS / bare.cpuS),
  loadAverageAtStart: round(loadAtStart),
};
console.log(`input                 ${SECONDS / 60} min MP3 (${input})`);
console.log(`lib/media             ${figures.libWallS} s wall, ${figures.libCpuS} s CPU`);
console.log(`bare ffmpeg           ${figures.bareWallS} s wall, ${figures.bareCpuS} s CPU`);
console.log(`ratio lib/bare        ${figures.ratio} wall (target ≤ 1.2), ${figures.cpuRatio} CPU`);
console.log(`realtime factor       ${figures.realtimeFactor}× (target ≥ 150×)`);
console.log(
  `first playable        ${figures.firstPlayableS} s (target ≤ 5 s; bare ffmpeg ${figures.bareFirstPlayableS} s)`,
);
console.log(
  `analysis done         ${figures.analysedS} s (bare ffmpeg ${figures.bareAnalysedS} s)`,
);
console.log(
  `load average at start ${figures.loadAverageAtStart} (2 cores; other work on the machine slows both runs)`,
);
console.log(JSON.stringify(figures));

async function runLibMedia(outputDir: string): Promise<Omit<RunFigures, "cpuS">> {
  const started = performance.now();
  let firstPlayableS = Number.NaN;
  let analysedS = Number.NaN;
  await prepareSermonMedia(input, outputDir, {
    onFileReady: (file) => {
      if (file.kind === "waveform") analysedS = (performance.now() - started) / 1000;
      // The master goes out once every rendition has its init segment, a segment and a playlist.
      if (file.kind === "master" && Number.isNaN(firstPlayableS))
        firstPlayableS = (performance.now() - started) / 1000;
    },
  });
  return { wallS: (performance.now() - started) / 1000, analysedS, firstPlayableS };
}

async function runBareFfmpeg(outputDir: string): Promise<Omit<RunFigures, "cpuS">> {
  const started = performance.now();
  await mkdir(outputDir, { recursive: true });
  const hardenedInput = [
    "-protocol_whitelist",
    PROTOCOL_WHITELIST,
    "-format_whitelist",
    ACCEPTED_DEMUXERS.join(","),
    "-i",
    `file:${input}`,
  ];
  const analysisLog = await ffmpeg([
    "-nostdin",
    "-hide_banner",
    "-nostats",
    "-loglevel",
    "info",
    ...hardenedInput,
    "-map",
    "0:a:0",
    "-rematrix_maxval",
    "1",
    // Mono 16 kHz before the meters, as lib/media measures; -ac/-ar alone would convert after them.
    "-af",
    "aformat=channel_layouts=mono:sample_rates=16000,ebur128=framelog=verbose:peak=sample,silencedetect=noise=-50dB:duration=0.7",
    "-c:a",
    "pcm_s16le",
    "-f",
    "s16le",
    "-y",
    join(outputDir, "waveform.pcm"),
  ]);
  const integratedLufs = Number(/I:\s*(-?[\d.]+) LUFS/.exec(analysisLog)?.[1]);
  const samplePeakDb = Number(/Peak:\s*(-?[\d.]+) dBFS/.exec(analysisLog)?.[1]);
  const { gainDb, isLimited } = loudnessGain({ integratedLufs, samplePeakDb });
  const analysedS = (performance.now() - started) / 1000;

  // The same decoder and encoders as lib/media, joined by FIFOs in a shell script.
  const highest = RENDITIONS.at(-1);
  const fifos = RENDITIONS.map((r) => join(outputDir, `${r.name}.f32le`));
  const encoderCommands = await Promise.all(
    RENDITIONS.map(async (rendition, i) => {
      const renditionDir = join(outputDir, rendition.name);
      await mkdir(renditionDir, { recursive: true });
      const args = renditionEncodeArgs({
        rendition,
        pcmFifo: fifos[i] ?? "",
        renditionDir,
        downloadPath: rendition === highest ? join(outputDir, "download.m4a") : undefined,
      });
      args.splice(args.indexOf("-progress"), 2); // bare: no progress reporting
      return shellCommand(args);
    }),
  );
  const decoder = shellCommand(normalisedPcmArgs(input, { gainDb, isLimited }, fifos));
  // -e plus `wait <pid>` per encoder, so any failing ffmpeg fails the script.
  const script = [
    `mkfifo ${fifos.map(shellQuote).join(" ")}`,
    ...encoderCommands.map((command, i) => `${command} & encoder${i}=$!`),
    decoder,
    ...encoderCommands.map((_, i) => `wait $encoder${i}`),
  ].join("\n");
  const encoders = run("bash", ["-ec", script]);
  const firstPlayable = waitForFiles(
    RENDITIONS.map((r) => join(outputDir, r.name, FFMPEG_PLAYLIST_NAME)),
  );
  await encoders;
  const firstPlayableMs = await firstPlayable;
  return {
    wallS: (performance.now() - started) / 1000,
    analysedS,
    firstPlayableS: (firstPlayableMs - started) / 1000,
  };
}

function ffmpeg(args: string[]): Promise<string> {
  return run("ffmpeg", args);
}

/** Runs a command to completion; resolves with its stderr (where ffmpeg logs). */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-16_384);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

function shellCommand(args: string[]): string {
  return ["ffmpeg", ...args].map(shellQuote).join(" ");
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

/** performance.now() when all paths exist (polled, like a watcher would see them). */
async function waitForFiles(paths: string[]): Promise<number> {
  for (;;) {
    const present = await Promise.all(
      paths.map((p) =>
        access(p).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (present.every(Boolean)) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `work` and adds the CPU time this process and its children spent on it. */
async function measure(work: () => Promise<Omit<RunFigures, "cpuS">>): Promise<RunFigures> {
  const before = await cpuSeconds();
  const result = await work();
  return { ...result, cpuS: (await cpuSeconds()) - before };
}

/** utime + stime + cutime + cstime of this process, from /proc (children count once reaped). */
async function cpuSeconds(): Promise<number> {
  const stat = await readFile("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14–17 of proc(5); the slice starts at field 3.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
