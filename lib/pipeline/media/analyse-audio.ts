import { availableParallelism } from "node:os";
import { Writable } from "node:stream";
import { AudioAnalysis } from "./audio-analysis";
import { pcmDecodeArgs, type TimeRange } from "./ffmpeg-args";
import { runFfmpeg } from "./ffmpeg-runner";
import { integratedLoudness } from "./integrated-loudness";
import { MediaRejectedError } from "./media-rejected-error";
import { type SilenceInterval, silenceMap } from "./silence-map";
import { type WaveformPeaks, waveformPeaks } from "./waveform-peaks";

export interface AudioAnalysisResult {
  /** BS.1770 integrated loudness of the mono mix, LUFS. */
  integratedLufs: number;
  /** Largest sample of the mono mix, dBFS (≤ 0). */
  samplePeakDb: number;
  peaks: WaveformPeaks;
  silences: SilenceInterval[];
  /** How long the recording is by the samples decoded: the duration Selah stores. */
  decodedMs: number;
}

export interface AnalyseAudioOptions {
  /** Decodes run in parallel over this many time ranges (default: the CPU count). */
  parallelism?: number;
  /** Waveform bucket length (default 500 ms: two bars per second). */
  bucketMs?: number;
  /** Silence is this far below the recording's loudness (default 30 LU). */
  silenceBelowLoudnessLu?: number;
  minSilenceMs?: number;
  signal?: AbortSignal;
}

// 16 kHz keeps all speech energy that K-weighting counts while costing a third of 48 kHz.
export const ANALYSIS_SAMPLE_RATE = 16_000;
// Below this a single decode is already fast; splitting would only add process start-up.
const MIN_RANGE_MS = 60_000;
// Ranges start on whole seconds, so with the default buckets no bucket spans two decodes
// (the accumulators would merge one correctly anyway; only the filter restarts there).
const RANGE_ALIGN_MS = 1_000;

/**
 * Loudness, waveform peaks and silence map in one decode of the whole recording, split
 * into time ranges decoded in parallel (for a short recording the measurement gates the
 * first playable segment, so it must use every core; long ones are measured inside the
 * encoding decode instead). ffmpeg decodes to low-rate mono PCM; Node does the maths.
 *
 * Why not ffmpeg's meters: per hour of 128k MP3 here, decoding alone costs ~5.5 CPU-s;
 * `loudnorm` (first pass, print_format=json) ~145 s, as it resamples to 192 kHz; `ebur128`
 * ~+4 s at 44.1 kHz — and neither can be split across processes, as their result is not
 * additive. K-weighted energy per 100 ms is, so ranges combine exactly and the meter costs
 * ~0.5 s of JavaScript. The gain is then one linear `volume` in the encoders (see
 * loudness-gain.ts), free compared with loudnorm's dynamic mode.
 */
export async function analyseAudio(
  path: string,
  durationMs: number,
  options: AnalyseAudioOptions = {},
): Promise<AudioAnalysisResult> {
  const { bucketMs = 500, signal } = options;
  const analysis = new AudioAnalysis(ANALYSIS_SAMPLE_RATE, durationMs, bucketMs);
  const ranges = splitIntoRanges(durationMs, options.parallelism ?? availableParallelism());
  const abort = new AbortController();
  signal?.addEventListener("abort", () => abort.abort(signal.reason), { once: true });

  await Promise.all(
    ranges.map(({ startMs, durationMs: rangeMs }) =>
      runFfmpeg({
        binary: "ffmpeg",
        args: pcmDecodeArgs(path, {
          startMs,
          durationMs: rangeMs,
          sampleRate: ANALYSIS_SAMPLE_RATE,
        }),
        timeoutMs: 30_000 + rangeMs / 20,
        stdoutTo: consumer(analysis.rangeReader((startMs * ANALYSIS_SAMPLE_RATE) / 1000)),
        signal: abort.signal,
      }).catch((error: unknown) => {
        abort.abort(error);
        throw error;
      }),
    ),
  );

  return summariseAnalysis(analysis, options);
}

/**
 * Loudness, peak, waveform and silences from filled accumulators; a recording with nothing
 * above the absolute gate is rejected as silent.
 */
export function summariseAnalysis(
  analysis: AudioAnalysis,
  {
    silenceBelowLoudnessLu = 30,
    minSilenceMs = 700,
  }: Pick<AnalyseAudioOptions, "silenceBelowLoudnessLu" | "minSilenceMs"> = {},
): AudioAnalysisResult {
  const { bucketMs } = analysis;
  const integratedLufs = integratedLoudness(
    analysis.quarterEnergy,
    analysis.quarterSamples,
    analysis.samplesPerQuarter,
  );
  const decodedMs = Math.round((analysis.endSample * 1000) / analysis.sampleRate);
  if (integratedLufs === -Infinity) {
    throw new MediaRejectedError(
      "This recording is silent: we could not hear anything in it. Please check the file and upload it again.",
      "silent",
    );
  }
  return {
    integratedLufs,
    samplePeakDb: 20 * Math.log10(analysis.peak),
    // Bars over the decoded length, which is the one stored.
    peaks: waveformPeaks(
      analysis.bucketMin,
      analysis.bucketMax,
      bucketMs,
      analysis.peak,
      Math.ceil(decodedMs / bucketMs),
    ),
    silences: silenceMap(analysis.quarterEnergy, analysis.quarterSamples, {
      thresholdLufs: integratedLufs - silenceBelowLoudnessLu,
      minSilenceMs,
    }),
    decodedMs,
  };
}

/** A sink that processes each chunk before accepting the next, so ffmpeg waits for Node. */
export function consumer(consume: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      consume(chunk);
      done();
    },
  });
}

function splitIntoRanges(durationMs: number, parallelism: number): TimeRange[] {
  const count = Math.max(1, Math.min(parallelism, Math.floor(durationMs / MIN_RANGE_MS)));
  const step = Math.ceil(durationMs / count / RANGE_ALIGN_MS) * RANGE_ALIGN_MS;
  return Array.from({ length: count }, (_, i) => ({
    startMs: i * step,
    // The last range reads to the real end even if the container under-reported its duration.
    durationMs: i === count - 1 ? durationMs - i * step + 60_000 : step,
  }));
}
