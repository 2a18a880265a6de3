import { z } from "zod";

const entityId = z.string().min(1).max(64);

/**
 * One upload of one sermon: the church, the sermon and `Sermon.mediaVersion`. Every object an
 * upload produces lives under its own prefix, every pipeline event names one, and a step
 * whose version is no longer current gives up. The one type for that idea, used by storage
 * keys, transcripts, indexing and the event contracts.
 */
export const sermonVersionSchema = z.object({
  churchId: entityId,
  sermonId: entityId,
  /** Sermon.mediaVersion of the upload this names (1 for the first upload). */
  mediaVersion: z.number().int().min(1),
});

export type SermonVersion = z.output<typeof sermonVersionSchema>;

/** A sermon without a version: what admin pages and the upload flow address. */
export type SermonRef = Omit<SermonVersion, "mediaVersion">;

/**
 * `churches/<churchId>/sermons/<sermonId>/v<mediaVersion>`: the original and every output of a
 * version sit under it, so a newer upload never overwrites what listeners are streaming.
 */
export const sermonVersionPrefix = ({ churchId, sermonId, mediaVersion }: SermonVersion) =>
  `churches/${churchId}/sermons/${sermonId}/v${mediaVersion}`;

/** The object key of an output file, from its path relative to the output folder. */
export const sermonOutputKey = (version: SermonVersion, relativeKey: string) =>
  `${sermonVersionPrefix(version)}/${relativeKey}`;

/**
 * The media version an output key belongs to, when it lies under this sermon's own prefix
 * (anything else, such as another sermon's key, gives undefined).
 */
export function versionOfKey(key: string, { churchId, sermonId }: SermonRef): number | undefined {
  const prefix = `churches/${churchId}/sermons/${sermonId}/v`;
  if (!key.startsWith(prefix)) return undefined;
  const match = /^(\d{1,9})\//.exec(key.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

// The published files of a version, relative to its prefix: written by the pipeline
// (lib/pipeline/media), served by playback (lib/catalog/playback) from an allow-list.
export const MASTER_PLAYLIST_NAME = "master.m3u8";
export const DOWNLOAD_NAME = "download.m4a";
export const WAVEFORM_NAME = "waveform.json";
/**
 * A long recording's first waveform, drawn from the loudness estimate's windows (one bar per
 * window) and published before its first segment; `WAVEFORM_NAME`, exact, replaces it in the
 * sermon's assets when the transcode ends. A file of its own: both are served `immutable`.
 */
export const SAMPLED_WAVEFORM_NAME = "waveform-sampled.json";
export const SILENCE_MAP_NAME = "silences.json";
/** The pipeline encodes a version at most twice (the sampled gain, then the measured one). */
export const MAX_ENCODE_GENERATION = 2;
/**
 * A rendition's folder for one encoding generation. The first encode writes under the
 * rendition's own name (`aac-64k/`). A long recording whose sampled gain proved more than
 * 1 LU off is encoded again (lib/pipeline/media/README.md), into `aac-64k-g2/`, and the master
 * playlist moves to it: segments are served `immutable`, so nothing published is rewritten.
 */
export function renditionFolderName(rendition: string, generation: number): string {
  if (!Number.isInteger(generation) || generation < 1 || generation > MAX_ENCODE_GENERATION)
    throw new RangeError(`encoding generation ${generation} is not 1–${MAX_ENCODE_GENERATION}`);
  return generation === 1 ? rendition : `${rendition}-g${generation}`;
}
/** Inside each rendition's folder (`aac-64k/`): its playlist and fMP4 init segment. */
export const PLAYLIST_NAME = "index.m3u8";
export const INIT_SEGMENT_NAME = "init.mp4";
