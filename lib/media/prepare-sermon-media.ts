import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { analyseAudio } from "./analyse-audio";
import { loudnessGain } from "./loudness-gain";
import { type MediaInfo, probeMedia } from "./probe-media";
import type { OnFileReady, ReadyFile } from "./ready-file";
import type { SilenceInterval } from "./silence-map";
import { type TranscodeSermonResult, transcodeSermon } from "./transcode-sermon";

export const WAVEFORM_NAME = "waveform.json";
export const SILENCE_MAP_NAME = "silences.json";

export interface PrepareSermonMediaOptions {
  onFileReady?: OnFileReady;
  /** Transcode progress, whole percent. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export interface PreparedSermonMedia {
  info: MediaInfo;
  integratedLufs: number;
  gainDb: number;
  silences: SilenceInterval[];
  waveform: ReadyFile;
  silenceMap: ReadyFile;
  transcode: TranscodeSermonResult;
}

/**
 * Everything `process-sermon` needs from an upload, in the order that gets it playable
 * soonest: probe (rejects unusable files), one analysis pass (loudness, waveform, silences),
 * then the transcode, whose segments are published as they are produced.
 */
export async function prepareSermonMedia(
  input: string,
  outputDir: string,
  options: PrepareSermonMediaOptions = {},
): Promise<PreparedSermonMedia> {
  const { onFileReady, onProgress, signal } = options;
  const info = await probeMedia(input);
  const analysis = await analyseAudio(input, info.durationMs, { signal });
  const { gainDb, isLimited } = loudnessGain(analysis);

  await mkdir(outputDir, { recursive: true });
  const waveform = await writeJson(outputDir, WAVEFORM_NAME, "waveform", analysis.peaks);
  const silenceMap = await writeJson(outputDir, SILENCE_MAP_NAME, "silence-map", analysis.silences);
  await onFileReady?.(waveform);
  await onFileReady?.(silenceMap);

  const transcode = await transcodeSermon({
    input,
    outputDir,
    durationMs: info.durationMs,
    gainDb,
    isLimited,
    onFileReady,
    onProgress,
    signal,
  });
  return {
    info,
    integratedLufs: analysis.integratedLufs,
    gainDb,
    silences: analysis.silences,
    waveform,
    silenceMap,
    transcode,
  };
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
