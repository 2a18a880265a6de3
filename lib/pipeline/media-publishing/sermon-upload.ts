import type { MediaAssetKind } from "@/lib/platform/db/generated/prisma/enums";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

/** What `sermon/uploaded` carries: the version and where its original lies in the bucket. */
export interface SermonUpload extends SermonVersion {
  objectKey: string;
}

/** A published output, as recorded in MediaAsset; small enough to be a step's result. */
export interface PublishedAsset {
  kind: Extract<
    MediaAssetKind,
    "master_playlist" | "rendition" | "download" | "waveform" | "silence_map"
  >;
  key: string;
  contentType: string;
  bytes: number;
  bitrate?: number;
  durationMs?: number;
}

/** Kinds the pipeline derives from an original (and may replace on a newer upload). */
export const DERIVED_ASSET_KINDS: PublishedAsset["kind"][] = [
  "master_playlist",
  "rendition",
  "download",
  "waveform",
  "silence_map",
];
