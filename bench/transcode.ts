// npm run bench:transcode — the whole lib/pipeline/media work on a 60-minute sermon, against bare
// ffmpeg commands producing the same outputs, in the same run.
//
// Figures: wall time of lib/pipeline/media (probe, sampled loudness estimate, then one decode feeding
// the two rendition encoders and the full analysis: waveform, silence map, exact loudness),
// wall time of the bare ffmpeg equivalent of the same design (one ffmpeg measuring the same
// sampled windows with ebur128, then the same decoder and rendition encoders joined by FIFOs
// in a bash script, the decoder's third output metered by ebur128 + silencedetect and
// written as low-rate PCM for the waveform), their ratio (target ≤ 1.2), realtime factor
// (target ≥ 150×), time to the first playable segment (target ≤ 5 s) and to the first (sampled)
// and the exact waveform. CPU seconds are printed too: on a shared machine they vary less
// than wall time. Afterwards, untimed, ffmpeg's own meter checks that lib/pipeline/media's
// download came out at -16 LUFS.
import { spawn } from "node:child_process";
import { access, mkdir, readFile, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { ANALYSIS_SAMPLE_RATE } from "@/lib/pipeline/media/analyse-audio";
import { loudnessSampleRanges } from "@/lib/pipeline/media/estimate-loudness";
import {
  FFMPEG_PLAYLIST_NAME,
  RENDITIONS,
  normalisedPcmArgs,
  renditionEncodeArgs,
  sampledPcmArgs,
} from "@/lib/pipeline/media/ffmpeg-args";
import { loudnessGain, TARGET_LUFS } from "@/lib/pipeline/media/loudness-gain";
import {
  SAMPLED_PEAK_MARGIN_DB,
  type PreparedSermonMedia,
  prepareSermonMedia,
} from "@/lib/pipeline/media/prepare-sermon-media";
import { WAVEFORM_NAME } from "@/lib/catalog/sermons/sermon-version";
import { requireTools } from "./support/require-tools";
import { benchInput, benchInputTools } from "./transcode-fixture";

// BENCH_TRANSCODE_MINUTES makes a quick smoke run possible; the figures are for 60.
const SECONDS = Number(process.env.BENCH_TRANSCODE_MINUTES ?? 60) * 60;
// Runs alternate bare, lib, lib, bare…, so load that rises or falls during the benchmark
// weighs on both sides alike; wall and CPU figures are means over the runs.
const ROUNDS = Number(process.env.BENCH_TRANSCODE_ROUNDS ?? 2);
const CACHE_DIR = join(process.cwd(), ".data", "bench");
// lib/pipeline/media spawns ffprobe, ffmpeg and mkfifo; the bare side bash, mkfifo and ffmpeg.
const fixtureTools = await benchInputTools(CACHE_DIR, SECONDS);
await requireTools("bench:transcode", ["ffmpeg", "ffprobe", "bash", "mkfifo", ...fixtureTools]);

interface RunFigures {
  wallS: number;
  firstPlayableS: number;
  cpuS: number;
}

const input = await benchInput(CACHE_DIR, SECONDS);
await readFile(input); // into the page cache, so neither run pays for the first read
const outRoot = join(CACHE_DIR, "transcode-out");
await rm(outRoot, { recursive: true, force: true });
const loadAtStart = loadavg()[0] ?? 0;

const bareRuns: RunFigures[] = [];
const libRuns: RunFigures[] = [];
let prepared: PreparedSermonMedia | undefined;
let analysedS = Number.NaN;
let firstWaveformS = Number.NaN;
const runBare = async () => {
  bareRuns.push(await measure(() => runBareFfmpeg(join(outRoot, "bare"))));
};
const runLib = async () => {
  libRuns.push(
    await measure(async () => {
      const run = await runLibMedia(join(outRoot, "lib"));
      prepared = run.prepared;
      analysedS = run.analysedS;
      firstWaveformS = run.firstWaveformS;
      return run;
    }),
  );
};
for (let round = 0; round < ROUNDS; round++) {
  for (const run of round % 2 === 0 ? [runBare, runLib] : [runLib, runBare]) await run();
}
const bare = mean(bareRuns);
const lib = mean(libRuns);
const loadAtEnd = loadavg()[0] ?? 0;
const downloadLufs = await measureLoudness(prepared?.transcode.download.path ?? "");

const figures = {
  inputSeconds: SECONDS,
  libWallS: round(lib.wallS),
  bareWallS: round(bare.wallS),
  ratio: round(lib.wallS / bare.wallS),
  realtimeFactor: round(SECONDS / lib.wallS),
  firstPlayableS: round(lib.firstPlayableS),
  bareFirstPlayableS: round(bare.firstPlayableS),
  firstWaveformS: round(firstWaveformS),
  analysedS: round(analysedS),
  libCpuS: round(lib.cpuS),
  bareCpuS: round(bare.cpuS),
  cpuRatio: round(lib.cpuS / bare.cpuS),
  // The applied (sampled) gain against the one the whole recording calls for, and the
  // download's loudness by ffmpeg's own meter: both say the output is at -16 LUFS.
  gainErrorLu: round(
    (prepared?.gainDb ?? Number.NaN) - (TARGET_LUFS - (prepared?.integratedLufs ?? Number.NaN)),
  ),
  downloadLufs: round(downloadLufs),
  libRunsWallS: libRuns.map((r) => round(r.wallS)),
  bareRunsWallS: bareRuns.map((r) => round(r.wallS)),
  loadAverageAtStart: round(loadAtStart),
  loadAverageAtEnd: round(loadAtEnd),
};
console.log(`input                 ${SECONDS / 60} min MP3 (${input}), ${ROUNDS} runs each`);
console.log(
  `lib/pipeline/media             ${figures.libWallS} s wall (${figures.libRunsWallS.join(", ")}), ${figures.libCpuS} s CPU`,
);
console.log(
  `bare ffmpeg           ${figures.bareWallS} s wall (${figures.bareRunsWallS.join(", ")}), ${figures.bareCpuS} s CPU`,
);
console.log(`ratio lib/bare        ${figures.ratio} wall (target ≤ 1.2), ${figures.cpuRatio} CPU`);
console.log(`realtime factor       ${figures.realtimeFactor}× (target ≥ 150×)`);
console.log(
  `first playable        ${figures.firstPlayableS} s (target ≤ 5 s; bare ffmpeg ${figures.bareFirstPlayableS} s)`,
);
console.log(
  `waveform published    ${figures.firstWaveformS} s first (the sampled windows), exact at ${figures.analysedS} s (the encoding decode)`,
);
console.log(
  `loudness              gain ${figures.gainErrorLu} LU off the exact one; download ${figures.downloadLufs} LUFS (target ${TARGET_LUFS} ± 1)`,
);
console.log(
  `load average          ${figures.loadAverageAtStart} at start, ${figures.loadAverageAtEnd} at end (2 cores; other work on the machine slows both runs)`,
);
console.log(JSON.stringify(figures));

async function runLibMedia(outputDir: string): Promise<
  Omit<RunFigures, "cpuS"> & {
    analysedS: number;
    firstWaveformS: number;
    prepared: PreparedSermonMedia;
  }
> {
  const started = performance.now();
  let firstPlayableS = Number.NaN;
  let analysedS = Number.NaN;
  let firstWaveformS = Number.NaN;
  const prepared = await prepareSermonMedia(input, outputDir, {
    onFileReady: (file) => {
      const atS = (performance.now() - started) / 1000;
      if (file.kind === "waveform" && Number.isNaN(firstWaveformS)) firstWaveformS = atS;
      if (file.key === WAVEFORM_NAME) analysedS = atS;
      // The master goes out once every rendition has its init segment, a segment and a playlist.
      if (file.kind === "master" && Number.isNaN(firstPlayableS))
        firstPlayableS = (performance.now() - started) / 1000;
    },
  });
  return {
    wallS: (performance.now() - started) / 1000,
    analysedS,
    firstWaveformS,
    firstPlayableS,
    prepared,
  };
}

async function runBareFfmpeg(outputDir: string): Promise<Omit<RunFigures, "cpuS">> {
  await rm(outputDir, { recursive: true, force: true }); // a clean slate, FIFOs included
  const started = performance.now();
  await mkdir(outputDir, { recursive: true });
  // The same windows and mono 16 kHz mix as lib/pipeline/media, metered by ebur128.
  const sampled = sampledPcmArgs(input, loudnessSampleRanges(SECONDS * 1000), ANALYSIS_SAMPLE_RATE);
  const graph = sampled.indexOf("-filter_complex");
  const estimateLog = await ffmpeg([
    ...withLogLevel(sampled.slice(0, graph), "info"),
    "-filter_complex",
    `${sampled[graph + 1]?.replace(/\[pcm\]$/, "")},ebur128=framelog=verbose:peak=sample[pcm]`,
    ...["-map", "[pcm]", "-f", "null", "-"],
  ]);
  const { gainDb, isLimited } = loudnessGain(ebur128Summary(estimateLog), {
    peakMarginDb: SAMPLED_PEAK_MARGIN_DB,
  });

  // The same decoder and encoders as lib/pipeline/media, joined by FIFOs in a shell script.
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
  // The decoder's third output: the full analysis, in ffmpeg's own meters.
  const decoder = shellCommand([
    ...withLogLevel(normalisedPcmArgs(input, { gainDb, isLimited }, fifos), "info"),
    ...["-map", "0:a:0", "-rematrix_maxval", "1", "-af"],
    `aformat=channel_layouts=mono:sample_rates=${ANALYSIS_SAMPLE_RATE},ebur128=framelog=verbose:peak=sample,silencedetect=noise=-50dB:duration=0.7`,
    ...["-c:a", "pcm_s16le", "-f", "s16le", "-y", join(outputDir, "waveform.pcm")],
  ]);
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
  ebur128Summary(await encoders); // the whole recording's loudness, as lib/pipeline/media records it
  const firstPlayableMs = await firstPlayable;
  return {
    wallS: (performance.now() - started) / 1000,
    firstPlayableS: (firstPlayableMs - started) / 1000,
  };
}

/** Integrated loudness and sample peak from ebur128's summary at the end of a log. */
function ebur128Summary(log: string): { integratedLufs: number; samplePeakDb: number } {
  const summary = log.slice(log.lastIndexOf("Summary:"));
  const integratedLufs = Number(/I:\s*(-?[\d.]+) LUFS/.exec(summary)?.[1]);
  const samplePeakDb = Number(/Peak:\s*(-?[\d.]+) dBFS/.exec(summary)?.[1]);
  if (!Number.isFinite(integratedLufs) || !Number.isFinite(samplePeakDb))
    throw new Error(`no ebur128 summary in: ${log.slice(-500)}`);
  return { integratedLufs, samplePeakDb };
}

async function measureLoudness(path: string): Promise<number> {
  const log = await ffmpeg([
    ...["-nostdin", "-hide_banner", "-nostats", "-i", path],
    ...["-af", "ebur128=framelog=verbose:peak=sample", "-f", "null", "-"],
  ]);
  return ebur128Summary(log).integratedLufs;
}

function withLogLevel(args: string[], level: string): string[] {
  return args.map((arg, i) => (args[i - 1] === "-loglevel" ? level : arg));
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

function mean(runs: RunFigures[]): RunFigures {
  const average = (pick: (run: RunFigures) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    wallS: average((r) => r.wallS),
    firstPlayableS: average((r) => r.firstPlayableS),
    cpuS: average((r) => r.cpuS),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
