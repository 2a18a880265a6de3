import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ANALYSIS_SAMPLE_RATE,
  type AudioAnalysisResult,
  analyseAudio,
  consumer,
  summariseAnalysis,
} from "./analyse-audio";
import { AudioAnalysis } from "./audio-analysis";
import { estimateLoudness, SAMPLE_WINDOW_COUNT, SAMPLE_WINDOW_MS } from "./estimate-loudness";
import { isGainWithinTolerance, type LoudnessGain, loudnessGain } from "./loudness-gain";
import { type MediaInfo, probeMedia } from "./probe-media";
import type { OnFileReady, ReadyFile } from "./ready-file";
import type { SilenceInterval } from "./silence-map";
import {
  type TranscodeSermonOptions,
  type TranscodeSermonResult,
  transcodeSermon,
} from "./transcode-sermon";
import {
  SAMPLED_WAVEFORM_NAME,
  SILENCE_MAP_NAME,
  WAVEFORM_NAME,
} from "@/lib/catalog/sermons/sermon-version";

// The sampled peak can miss the loudest moment; limit unless it is clearly out of reach.
export const SAMPLED_PEAK_MARGIN_DB = 6;
// Raw ADTS AAC has no index: every window's seek reads the file from the start (an hour:
// 12 CPU-s for the windows against 7 for measuring it whole), so it is measured first.
const WITHOUT_INDEX = new Set(["aac"]);
const WAVEFORM_BUCKET_MS = 500;

export interface LoudnessSampling {
  /**
   * Up to this length the whole recording is measured before encoding (about a second of
   * work): the gain is exact and the waveform goes out before the first segment. Longer
   * ones start encoding from a sampled estimate and are measured in the encoding decode.
   */
  measureFirstMaxMs: number;
  windowCount: number;
  windowMs: number;
}

export const LOUDNESS_SAMPLING: LoudnessSampling = {
  measureFirstMaxMs: 10 * 60_000,
  windowCount: SAMPLE_WINDOW_COUNT,
  windowMs: SAMPLE_WINDOW_MS,
};

export interface PrepareSermonMediaOptions {
  onFileReady?: OnFileReady;
  /** Transcode progress, whole percent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Default LOUDNESS_SAMPLING; tests shrink it to reach the sampled path with short media. */
  loudnessSampling?: Partial<LoudnessSampling>;
  /** The upload's probeMedia result when the caller already has it: no second ffprobe. */
  info?: MediaInfo;
}

export interface PreparedSermonMedia {
  info: MediaInfo;
  /**
   * The recording's length by its decoded samples (the whole-recording analysis decodes
   * every one, so this costs nothing): what to store. `info.durationMs`, from the packets,
   * is within a packet of it and is what the work was planned with.
   */
  durationMs: number;
  /** Of the whole recording, before the gain. */
  integratedLufs: number;
  /** Applied to every final output (the second generation's, when there is one). */
  gainDb: number;
  silences: SilenceInterval[];
  waveform: ReadyFile;
  silenceMap: ReadyFile;
  transcode: TranscodeSermonResult;
}

/**
 * Everything `process-sermon` needs from an upload, in the order that gets it playable
 * soonest. Probe (rejects unusable files). A short recording is then measured whole
 * (loudness, waveform, silences) and transcoded. A longer one is transcoded at once with the
 * gain from a sampled loudness estimate (a second or so for any length), a coarse waveform
 * from the same windows published first, its segments published as they are produced, while
 * the same decode feeds the full measurement (and the exact waveform); if the estimate proves
 * more than GAIN_TOLERANCE_LU off, the outputs are made again with the measured gain as a
 * second generation under new keys, and the master moves to it. Either way every final
 * output is within tolerance of -16 LUFS, and no published key but the master is written
 * twice (see README).
 */
export async function prepareSermonMedia(
  input: string,
  outputDir: string,
  options: PrepareSermonMediaOptions = {},
): Promise<PreparedSermonMedia> {
  const { signal } = options;
  const info = options.info ?? (await probeMedia(input));
  await mkdir(outputDir, { recursive: true });
  const onFileReady: OnFileReady = (file) => options.onFileReady?.(file);
  // A second encode (see below) starts its progress again; listeners only see it rise.
  let lastPercent = -1;
  const onProgress = (percent: number) => {
    if (percent <= lastPercent) return;
    lastPercent = percent;
    options.onProgress?.(percent);
  };
  const transcode = (gain: LoudnessGain, extra: Partial<TranscodeSermonOptions>) =>
    transcodeSermon({
      input,
      outputDir,
      durationMs: info.durationMs,
      ...gain,
      onFileReady,
      onProgress,
      signal,
      ...extra,
    });
  const publishAnalysis = async (analysis: AudioAnalysisResult) => {
    const waveform = await writeJson(outputDir, WAVEFORM_NAME, "waveform", analysis.peaks);
    const silenceMap = await writeJson(
      outputDir,
      SILENCE_MAP_NAME,
      "silence-map",
      analysis.silences,
    );
    await onFileReady(waveform);
    await onFileReady(silenceMap);
    return { waveform, silenceMap };
  };
  const prepared = (
    analysis: AudioAnalysisResult,
    gain: LoudnessGain,
    files: { waveform: ReadyFile; silenceMap: ReadyFile },
    result: TranscodeSermonResult,
  ): PreparedSermonMedia => ({
    info,
    durationMs: analysis.decodedMs,
    integratedLufs: analysis.integratedLufs,
    gainDb: gain.gainDb,
    silences: analysis.silences,
    ...files,
    transcode: result,
  });

  const sampling = { ...LOUDNESS_SAMPLING, ...options.loudnessSampling };
  const isSampled =
    info.durationMs > sampling.measureFirstMaxMs && !WITHOUT_INDEX.has(info.container);
  const estimate = isSampled
    ? await estimateLoudness(input, info.durationMs, { ...sampling, signal })
    : undefined;
  // Silent windows say nothing about the rest; the whole measurement decides (or rejects).
  if (!estimate || estimate.integratedLufs === -Infinity) {
    const analysis = await analyseAudio(input, info.durationMs, {
      bucketMs: WAVEFORM_BUCKET_MS,
      signal,
    });
    const gain = loudnessGain(analysis);
    const files = await publishAnalysis(analysis);
    return prepared(analysis, gain, files, await transcode(gain, {}));
  }

  const applied = loudnessGain(estimate, { peakMarginDb: SAMPLED_PEAK_MARGIN_DB });
  const accumulators = new AudioAnalysis(ANALYSIS_SAMPLE_RATE, info.durationMs, WAVEFORM_BUCKET_MS);
  // The windows' picture goes out ahead of the first segment, so the player has a waveform
  // from the start; the exact one (WAVEFORM_NAME) follows from the encoding decode.
  const sampledWaveform = await writeJson(
    outputDir,
    SAMPLED_WAVEFORM_NAME,
    "waveform",
    estimate.windowPeaks,
  );
  let analysis: AudioAnalysisResult | undefined;
  let files: { waveform: ReadyFile; silenceMap: ReadyFile } | undefined;
  let isSuperseded = false;
  const first = await transcode(applied, {
    publishFirst: [sampledWaveform],
    analysisTap: { sampleRate: ANALYSIS_SAMPLE_RATE, sink: consumer(accumulators.rangeReader(0)) },
    beforeFinish: async () => {
      analysis = summariseAnalysis(accumulators);
      files = await publishAnalysis(analysis);
      isSuperseded = !isGainWithinTolerance(applied, analysis);
    },
    // A first generation about to be replaced still ends its playlists (VOD), for listeners
    // already playing it; its download, which nobody has been given yet, is never published.
    onFileReady: (file) =>
      isSuperseded && file.kind === "download" ? undefined : onFileReady(file),
  });
  if (!analysis || !files) throw new Error("the transcode finished without its analysis");
  if (!isSuperseded) return prepared(analysis, applied, files, first);

  // Rare (a loud passage the windows missed): redo with the measured gain as a second
  // generation under new keys (`aac-64k-g2/`), published whole once complete; the master then
  // names it. The first generation's files stay: segments are immutable, and a listener who
  // started during processing holds its playlist (see README).
  const measured = loudnessGain(analysis);
  return prepared(
    analysis,
    measured,
    files,
    await transcode(measured, { isLive: false, generation: 2 }),
  );
}

async function writeJson(
  outputDir: string,
  name: string,
  kind: ReadyFile["kind"],
  value: unknown,
): Promise<ReadyFile> {
  const path = join(outputDir, name);
  await writeFile(`${path}.tmp`, JSON.stringify(value));
  await rename(`${path}.tmp`, path);
  return { kind, path, key: name };
}
