import { watch } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import {
  FFMPEG_PLAYLIST_NAME,
  normalisedPcmArgs,
  RENDITIONS,
  type Rendition,
  renditionEncodeArgs,
} from "./ffmpeg-args";
import { runFfmpeg } from "./ffmpeg-runner";
import { makeFifo } from "./make-fifo";
import { parseMediaPlaylist } from "./media-playlist";
import { type MasterVariant, masterPlaylist } from "./master-playlist";
import type { OnFileReady, ReadyFile } from "./ready-file";
import { RenditionPublisher } from "./rendition-publisher";
import {
  DOWNLOAD_NAME,
  MASTER_PLAYLIST_NAME,
  PLAYLIST_NAME,
  renditionFolderName,
} from "@/lib/catalog/sermons/sermon-version";

export interface TranscodeSermonOptions {
  input: string;
  /** Receives master.m3u8, one folder per rendition and download.m4a. Created if missing. */
  outputDir: string;
  /** From probeMedia; sizes the timeout and the progress. */
  durationMs: number;
  gainDb: number;
  isLimited: boolean;
  renditions?: readonly Rendition[];
  /**
   * 1 (default) writes each rendition under its own name; 2, a re-encode, under new folders
   * (`aac-64k-g2/`, see renditionFolderName) that the master then names, so no file already
   * published is written again. The master and the download keep their names.
   */
  generation?: number;
  onFileReady?: OnFileReady;
  /** Handed to `onFileReady` first, while the encoders start (e.g. an early waveform). */
  publishFirst?: readonly ReadyFile[];
  /** Whole percent, 0–100, of the slowest rendition. */
  onProgress?: (percent: number) => void;
  /** Default: 60 s plus a quarter of the duration (i.e. slower than 4× realtime is stuck). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Also receive the upload's mono mix, without the gain, as s16le PCM at `sampleRate` from
   * the same decode (for the analysis), with backpressure: a slow sink slows the encode.
   */
  analysisTap?: { sampleRate: number; sink: Writable };
  /** Publish segments while encoding (default). Otherwise everything goes out at the end. */
  isLive?: boolean;
  /**
   * Runs once the encoders have finished, before the playlists are published as VOD and
   * before the master and the download: for files that should precede those.
   */
  beforeFinish?: () => Promise<void>;
}

export interface TranscodeSermonResult {
  master: ReadyFile;
  download: ReadyFile;
  generation: number;
  /** `name`: the rendition's folder, i.e. its key prefix (`aac-64k`, `aac-64k-g2`). */
  renditions: { name: string; segmentCount: number; bandwidth: number; averageBandwidth: number }[];
}

// fMP4 boxes on top of the AAC payload, plus the encoder's bitrate swing between segments;
// only used until the real segment sizes are known.
const NOMINAL_BANDWIDTH_FACTOR = 1.25;

/**
 * HLS renditions plus the podcast download, published segment by segment while encoding.
 * One ffmpeg decodes the upload once (normalised mono PCM); one ffmpeg per rendition
 * encodes it, in parallel: ffmpeg 5 encodes on a single thread, so this is what uses the
 * other cores. The PCM goes through FIFOs, process to process: piping it through Node
 * cost ~9 CPU-s per hour of audio. The highest rendition also writes the download. With
 * `analysisTap` the same decode also feeds the whole-recording analysis (16 kHz, in Node).
 */
export async function transcodeSermon(
  options: TranscodeSermonOptions,
): Promise<TranscodeSermonResult> {
  const { input, outputDir, durationMs, gainDb, isLimited, signal } = options;
  const generation = options.generation ?? 1;
  // From here on a rendition's name is its folder for this generation.
  const renditions = [...(options.renditions ?? RENDITIONS)]
    .sort((a, b) => a.bitRate - b.bitRate)
    .map((r) => ({ ...r, name: renditionFolderName(r.name, generation) }));
  const highest = renditions.at(-1);
  if (!highest) throw new RangeError("at least one rendition is required");
  const timeoutMs = options.timeoutMs ?? 60_000 + durationMs / 4;
  const downloadPath = join(outputDir, DOWNLOAD_NAME);

  // A retry starts from a clean slate, so it rewrites the same names and leaves no strays.
  await Promise.all(
    renditions.map((r) => rm(join(outputDir, r.name), { recursive: true, force: true })),
  );
  await Promise.all(renditions.map((r) => mkdir(join(outputDir, r.name), { recursive: true })));

  const abort = new AbortController();
  signal?.addEventListener("abort", () => abort.abort(signal.reason), { once: true });
  // A failed upload stops the encoders: the step will be retried from the start anyway.
  const queue = new PublishQueue(options.onFileReady, (error) => abort.abort(error));
  for (const file of options.publishFirst ?? []) void queue.run(() => queue.publish(file));
  const publishers = renditions.map(
    (r) => new RenditionPublisher(join(outputDir, r.name), r.name, (f) => queue.publish(f)),
  );
  let isMasterPublished = false;
  const publishMasterOnce = async () => {
    if (isMasterPublished || !publishers.every((p) => p.hasPlaylist)) return;
    isMasterPublished = true;
    const variants = renditions.map((r) => ({
      uri: `${r.name}/${PLAYLIST_NAME}`,
      bandwidth: r.bitRate * NOMINAL_BANDWIDTH_FACTOR,
    }));
    await writeMaster(outputDir, variants, queue);
  };

  const progress = new ProgressTracker(renditions.length, durationMs, options.onProgress);
  const isLive = options.isLive ?? true;
  const watchers = (isLive ? publishers : []).map((publisher, i) =>
    watch(join(outputDir, renditions[i]!.name), (_event, filename) => {
      if (filename !== FFMPEG_PLAYLIST_NAME) return;
      void queue.run(async () => {
        await publisher.publishCompleted();
        await publishMasterOnce();
      });
    }),
  );

  const stopAllOnFailure = (error: unknown): never => {
    abort.abort(error);
    throw error;
  };
  const fifoDir = await mkdtemp(join(tmpdir(), "selah-pcm-"));
  const fifos = renditions.map((r) => join(fifoDir, `${r.name}.f32le`));
  try {
    await Promise.all(fifos.map((fifo) => makeFifo(fifo)));
    await Promise.all([
      ...renditions.map((rendition, i) =>
        runFfmpeg({
          binary: "ffmpeg",
          args: renditionEncodeArgs({
            rendition,
            pcmFifo: fifos[i]!,
            renditionDir: join(outputDir, rendition.name),
            downloadPath: rendition === highest ? downloadPath : undefined,
          }),
          timeoutMs,
          onProgress: (outTimeMs) => progress.update(i, outTimeMs),
          signal: abort.signal,
        }).catch(stopAllOnFailure),
      ),
      runFfmpeg({
        binary: "ffmpeg",
        args: normalisedPcmArgs(
          input,
          { gainDb, isLimited },
          fifos,
          options.analysisTap?.sampleRate,
        ),
        timeoutMs,
        stdoutTo: options.analysisTap?.sink,
        signal: abort.signal,
      }).catch(stopAllOnFailure),
    ]);
  } finally {
    await rm(fifoDir, { recursive: true, force: true });
    for (const watcher of watchers) watcher.close();
    await queue.drain();
  }
  await queue.idle();
  await options.beforeFinish?.();

  for (const publisher of publishers) await queue.run(() => publisher.finish());
  await queue.idle();

  const summaries = await Promise.all(
    renditions.map(async (rendition, i) => ({
      name: rendition.name,
      segmentCount: publishers[i]!.segmentCount,
      ...(await measureBandwidth(join(outputDir, rendition.name))),
    })),
  );
  // The queue is idle from here on, so publishing directly keeps the order.
  const master = await writeMaster(
    outputDir,
    summaries.map((s) => ({
      uri: `${s.name}/${PLAYLIST_NAME}`,
      bandwidth: s.bandwidth,
      averageBandwidth: s.averageBandwidth,
    })),
    queue,
  );
  const download: ReadyFile = { kind: "download", path: downloadPath, key: DOWNLOAD_NAME };
  await queue.publish(download);
  progress.complete();
  return { master, download, generation, renditions: summaries };
}

async function writeMaster(
  outputDir: string,
  variants: MasterVariant[],
  queue: PublishQueue,
): Promise<ReadyFile> {
  const path = join(outputDir, MASTER_PLAYLIST_NAME);
  await writeFile(`${path}.tmp`, masterPlaylist(variants));
  await rename(`${path}.tmp`, path);
  const file: ReadyFile = { kind: "master", path, key: MASTER_PLAYLIST_NAME };
  await queue.publish(file);
  return file;
}

/** Real peak and average bits per second over the rendition's segments. */
async function measureBandwidth(
  renditionDir: string,
): Promise<{ bandwidth: number; averageBandwidth: number }> {
  const playlist = parseMediaPlaylist(await readFile(join(renditionDir, PLAYLIST_NAME), "utf8"));
  let peak = 0;
  let totalBits = 0;
  let totalSeconds = 0;
  for (const segment of playlist.segments) {
    const bits = (await stat(join(renditionDir, segment.uri))).size * 8;
    totalBits += bits;
    totalSeconds += segment.durationSeconds;
    // A sliver of a last segment says nothing about the stream's rate.
    if (segment.durationSeconds >= 1) peak = Math.max(peak, bits / segment.durationSeconds);
  }
  const averageBandwidth = totalSeconds > 0 ? totalBits / totalSeconds : 0;
  return { bandwidth: Math.max(peak, averageBandwidth), averageBandwidth };
}

/** Runs publishing work one task at a time, in order; the first failure is kept and rethrown. */
class PublishQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly onFileReady: OnFileReady | undefined,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  run(task: () => Promise<void>): Promise<void> {
    this.tail = this.tail.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await task();
      } catch (error) {
        this.failure = error;
        this.onFailure(error);
      }
    });
    return this.tail;
  }

  /** Called from inside queued tasks, so it must not queue itself. */
  async publish(file: ReadyFile): Promise<void> {
    await this.onFileReady?.(file);
  }

  /** Waits for queued work without throwing (used while another error is propagating). */
  async drain(): Promise<void> {
    await this.tail;
  }

  async idle(): Promise<void> {
    await this.tail;
    if (this.failure !== undefined) throw this.failure;
  }
}

class ProgressTracker {
  private readonly outTimes: number[];
  private lastPercent = -1;

  constructor(
    count: number,
    private readonly durationMs: number,
    private readonly report: ((percent: number) => void) | undefined,
  ) {
    this.outTimes = new Array<number>(count).fill(0);
  }

  update(index: number, outTimeMs: number): void {
    this.outTimes[index] = outTimeMs;
    // 99 at most until every file is published.
    this.emit(Math.min(99, Math.floor((Math.min(...this.outTimes) / this.durationMs) * 100)));
  }

  complete(): void {
    this.emit(100);
  }

  private emit(percent: number): void {
    if (percent <= this.lastPercent) return;
    this.lastPercent = percent;
    this.report?.(percent);
  }
}
