import type { MediaFileKind } from "./media-path";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Every URL names its media version, so a file under it never changes once written: segments,
 * the download and the waveform are immutable. A rendition playlist still growing (an HLS
 * EVENT playlist, no ENDLIST yet) must never be cached; once VOD it is final. The master is
 * rewritten once, with measured bandwidths, when the transcode ends.
 */
export function mediaCacheControl(kind: MediaFileKind, playlistText?: string): string {
  switch (kind) {
    case "master":
      return "public, max-age=60";
    case "playlist":
      return playlistText !== undefined && /^#EXT-X-ENDLIST\s*$/m.test(playlistText)
        ? "public, max-age=86400"
        : "no-store";
    default:
      return IMMUTABLE;
  }
}
