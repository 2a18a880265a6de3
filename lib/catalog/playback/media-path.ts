import {
  DOWNLOAD_NAME,
  INIT_SEGMENT_NAME,
  MASTER_PLAYLIST_NAME,
  MAX_ENCODE_GENERATION,
  PLAYLIST_NAME,
  SAMPLED_WAVEFORM_NAME,
  SILENCE_MAP_NAME,
  WAVEFORM_NAME,
} from "@/lib/catalog/sermons/sermon-version";

export type MediaFileKind =
  "master" | "playlist" | "init" | "segment" | "download" | "waveform" | "silence-map";

/** A listener's request for one file of one media version, already checked against the allow-list. */
export interface MediaPath {
  version: number;
  /** Path under the version's prefix, as the pipeline wrote it. */
  file: string;
  kind: MediaFileKind;
}

const VERSION = /^v([1-9]\d{0,8})$/;
// `aac-64k`, or a re-encode's `aac-64k-g2` (renditionFolderName): generations 2 up to the last.
const RENDITION = new RegExp(`^aac-\\d{1,4}k(?:-g[2-${MAX_ENCODE_GENERATION}])?$`);
const SEGMENT = /^seg-\d{5,9}\.m4s$/;
// The original and ffmpeg's own live playlist stay private. The silence map is the player's:
// "Skip silence" jumps over the pauses it lists.
const TOP_LEVEL = new Map<string, MediaFileKind>([
  [MASTER_PLAYLIST_NAME, "master"],
  [DOWNLOAD_NAME, "download"],
  [WAVEFORM_NAME, "waveform"],
  [SAMPLED_WAVEFORM_NAME, "waveform"],
  [SILENCE_MAP_NAME, "silence-map"],
]);

/**
 * `["v3", "aac-64k", "seg-00001.m4s"]` → the file to serve, or undefined for anything not on
 * the allow-list. Only exact names and strict patterns pass, so no path can climb out of the
 * version's folder or reach the original upload (the audiobookshelf HlsRouter lesson).
 */
export function parseMediaPath(segments: readonly string[]): MediaPath | undefined {
  const [versionPart, first, second, ...rest] = segments;
  const version = VERSION.exec(versionPart ?? "")?.[1];
  if (version === undefined || first === undefined || rest.length > 0) return undefined;
  if (second === undefined) {
    const kind = TOP_LEVEL.get(first);
    return kind ? { version: Number(version), file: first, kind } : undefined;
  }
  if (!RENDITION.test(first)) return undefined;
  const kind: MediaFileKind | undefined =
    second === PLAYLIST_NAME
      ? "playlist"
      : second === INIT_SEGMENT_NAME
        ? "init"
        : SEGMENT.test(second)
          ? "segment"
          : undefined;
  return kind ? { version: Number(version), file: `${first}/${second}`, kind } : undefined;
}
