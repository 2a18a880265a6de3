import { availableParallelism } from "node:os";
import { ANALYSIS_SAMPLE_RATE, consumer } from "./analyse-audio";
import { AudioAnalysis } from "./audio-analysis";
import { sampledPcmArgs, type TimeRange } from "./ffmpeg-args";
import { runFfmpeg } from "./ffmpeg-runner";
import { integratedLoudness } from "./integrated-loudness";
import { type WaveformPeaks, waveformPeaks } from "./waveform-peaks";

export interface LoudnessEstimate {
  /** BS.1770 integrated loudness of the sampled windows, LUFS (-Infinity if all silent). */
  integratedLufs: number;
  /** Largest sample in the windows, dBFS: the recording's own peak may be higher. */
  samplePeakDb: number;
  /**
   * A coarse waveform from the same samples: min/max of each window, one bucket per slice of
   * the recording (`bucketMs` = the slice), scaled to the windows' peak. The player draws
   * about 100 bars, so 96 windows make nearly the same picture as the exact waveform.
   */
  windowPeaks: WaveformPeaks;
}

export interface EstimateLoudnessOptions {
  windowCount?: number;
  windowMs?: number;
  /** Windows are split over this many ffmpeg processes (default: the CPU count). */
  parallelism?: number;
  signal?: AbortSignal;
}

// 96 windows of 4 s: 6.4 min of an hour (~1 CPU-s, a window every 37.5 s). On an hour of
// speech with one loud 60 s passage, 15 LU above the rest, which the windows may hit or
// miss, the estimate stays within 0.62 LU at every window phase tried (see README).
export const SAMPLE_WINDOW_COUNT = 96;
export const SAMPLE_WINDOW_MS = 4_000;

/** One window centred in each of `windowCount` equal slices of the recording. */
export function loudnessSampleRanges(
  durationMs: number,
  windowCount = SAMPLE_WINDOW_COUNT,
  windowMs = SAMPLE_WINDOW_MS,
): TimeRange[] {
  if (durationMs <= windowCount * windowMs) return [{ startMs: 0, durationMs }];
  return Array.from({ length: windowCount }, (_, i) => {
    const centreMs = ((i + 0.5) * durationMs) / windowCount;
    const startMs = Math.min(Math.max(0, centreMs - windowMs / 2), durationMs - windowMs);
    return { startMs: Math.round(startMs), durationMs: windowMs };
  });
}

/**
 * Integrated loudness and peak of a recording estimated from short windows spread evenly
 * across it, each reached with a fast seek: a second or so for any length, so encoding
 * need not wait for a decode of the whole file. The same K-weighted meter as analyseAudio.
 */
export async function estimateLoudness(
  path: string,
  durationMs: number,
  options: EstimateLoudnessOptions = {},
): Promise<LoudnessEstimate> {
  const windowMs = options.windowMs ?? SAMPLE_WINDOW_MS;
  const ranges = loudnessSampleRanges(durationMs, options.windowCount, windowMs);
  const sampledMs = ranges.reduce((sum, range) => sum + range.durationMs, 0);
  // One waveform bucket per window: windows lie back to back in the sampled timeline (or,
  // when one range covers the whole recording, buckets of a window's length along it).
  const analysis = new AudioAnalysis(ANALYSIS_SAMPLE_RATE, sampledMs, windowMs);
  const groups = splitEvenly(ranges, options.parallelism ?? availableParallelism());
  const abort = new AbortController();
  options.signal?.addEventListener("abort", () => abort.abort(options.signal?.reason), {
    once: true,
  });

  let offsetMs = 0;
  await Promise.all(
    groups.map((group) => {
      // Each process writes its windows back to back; they are placed one after another.
      const firstSample = (offsetMs * ANALYSIS_SAMPLE_RATE) / 1000;
      offsetMs += group.reduce((sum, range) => sum + range.durationMs, 0);
      return runFfmpeg({
        binary: "ffmpeg",
        args: sampledPcmArgs(path, group, ANALYSIS_SAMPLE_RATE),
        timeoutMs: 30_000 + sampledMs / 10,
        stdoutTo: consumer(analysis.rangeReader(firstSample)),
        signal: abort.signal,
      }).catch((error: unknown) => {
        abort.abort(error);
        throw error;
      });
    }),
  );

  return {
    integratedLufs: integratedLoudness(
      analysis.quarterEnergy,
      analysis.quarterSamples,
      analysis.samplesPerQuarter,
    ),
    samplePeakDb: 20 * Math.log10(analysis.peak),
    windowPeaks: waveformPeaks(
      analysis.bucketMin,
      analysis.bucketMax,
      ranges.length > 1 ? Math.round(durationMs / ranges.length) : windowMs,
      analysis.peak,
      ranges.length > 1 ? ranges.length : Math.ceil(durationMs / windowMs),
    ),
  };
}

function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  return Array.from({ length: count }, (_, i) =>
    items.slice(
      Math.floor((i * items.length) / count),
      Math.floor(((i + 1) * items.length) / count),
    ),
  );
}
