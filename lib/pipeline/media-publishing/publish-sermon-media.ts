import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Db } from "@/lib/platform/db/client";
import { prepareSermonMedia } from "@/lib/pipeline/media/prepare-sermon-media";
import { probeMedia } from "@/lib/pipeline/media/probe-media";
import type { ReadyFile } from "@/lib/pipeline/media/ready-file";
import { downloadObject } from "@/lib/platform/storage/download-object";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import { uploadFile } from "@/lib/platform/storage/upload-file";
import { markStreamable } from "./mark-streamable";
import { mediaContentType } from "@/lib/catalog/playback/media-content-type";
import { maxSermonDurationMinutes } from "@/lib/platform/config/processing-env";
import { sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import { transcodeProgressRecorder } from "./transcode-progress";
import type { PublishedAsset, SermonUpload } from "./sermon-upload";
import { PLAYLIST_NAME } from "@/lib/catalog/sermons/sermon-version";

export interface PublishSermonMediaDeps {
  db: Db;
  storage: MediaStorage;
  /** Parent of the per-run work folder (default: the OS temp dir). */
  workRoot?: string;
}

export interface PublishedSermonMedia {
  /** By the decoded samples (never a header's claim or a bitrate estimate). */
  durationMs: number;
  /** When the master playlist went up and the sermon became playable, ms after the start. */
  streamableAfterMs: number | null;
  segmentCount: number;
  assets: PublishedAsset[];
}

/**
 * The whole media stage of one upload, in one go because its files live on this machine's
 * disk: download the original (streamed to a temp file), probe it (unusable audio throws
 * MediaRejectedError), then prepare it with lib/pipeline/media, uploading every output under the
 * version's deterministic keys the moment it is complete. The sermon becomes streamable as
 * soon as the master playlist is up. A repeat (retry) rewrites the same keys with the same
 * content (a re-encode within a run writes new ones: lib/pipeline/media/README.md).
 */
export async function publishSermonMedia(
  deps: PublishSermonMediaDeps,
  upload: SermonUpload,
): Promise<PublishedSermonMedia> {
  const { db, storage } = deps;
  const startedAt = performance.now();
  const workDir = await mkdtemp(join(deps.workRoot ?? tmpdir(), "selah-sermon-"));
  try {
    // ffprobe's raw-AAC detection leans on the extension, so the original keeps its own (the
    // one the upload's content detection gave it).
    const input = join(workDir, `original${extname(upload.objectKey).toLowerCase()}`);
    await downloadObject(storage.s3, storage.bucket, upload.objectKey, input);
    const info = await probeMedia(input, { maxDurationMinutes: maxSermonDurationMinutes() });
    // From the packets until the decode has counted the samples (see below).
    let durationMs = info.durationMs;

    const sizes = new Map<string, number>();
    const asset = (
      kind: PublishedAsset["kind"],
      relativeKey: string,
      extra: Pick<PublishedAsset, "bitrate" | "durationMs"> = {},
    ): PublishedAsset => ({
      kind,
      key: sermonOutputKey(upload, relativeKey),
      contentType: mediaContentType(relativeKey),
      bytes: sizes.get(relativeKey) ?? 0,
      ...extra,
    });
    let streamableAfterMs: number | null = null;
    let earlyWaveformKey: string | undefined;
    const onFileReady = async (file: ReadyFile) => {
      const bytes = await uploadFile(
        storage.s3,
        storage.bucket,
        sermonOutputKey(upload, file.key),
        file.path,
        mediaContentType(file.key),
      );
      sizes.set(file.key, bytes);
      if (file.kind === "waveform" && streamableAfterMs === null) earlyWaveformKey = file.key;
      if (file.kind === "master" && streamableAfterMs === null) {
        // A waveform is up before the first master, so the player draws one at once: the exact
        // one of a short recording, measured before encoding, or a long one's sampled picture
        // (recordProcessedMedia swaps in the exact one with the final assets).
        const early = [asset("master_playlist", file.key, { durationMs })];
        if (earlyWaveformKey) early.push(asset("waveform", earlyWaveformKey));
        await markStreamable(db, upload, { durationMs, assets: early });
        streamableAfterMs = Math.round(performance.now() - startedAt);
      }
    };
    const progress = transcodeProgressRecorder(db, upload);
    progress.report(0);
    const prepared = await prepareSermonMedia(input, join(workDir, "out"), {
      info, // already probed: no second ffprobe before the first segment
      onFileReady,
      onProgress: progress.report,
    });
    await progress.finish();
    durationMs = prepared.durationMs;

    const { transcode } = prepared;
    const renditions = transcode.renditions.map((rendition) =>
      asset("rendition", `${rendition.name}/${PLAYLIST_NAME}`, {
        bitrate: Math.round(rendition.averageBandwidth),
        durationMs,
      }),
    );
    return {
      durationMs,
      streamableAfterMs,
      segmentCount: transcode.renditions.reduce((sum, r) => sum + r.segmentCount, 0),
      assets: [
        asset("master_playlist", transcode.master.key, { durationMs }),
        ...renditions,
        asset("download", transcode.download.key, { durationMs }),
        asset("waveform", prepared.waveform.key),
        asset("silence_map", prepared.silenceMap.key),
      ],
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
