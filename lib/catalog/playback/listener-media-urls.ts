import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { versionOfKey } from "@/lib/catalog/sermons/sermon-version";

/** Where a listener's player finds a sermon's current media (the media route serves them). */
export interface ListenerMediaUrls {
  streamUrl: string;
  downloadUrl: string | null;
  waveformUrl: string | null;
}

/** The media assets a sermon's listener URLs are made from: select this on a sermon. */
export const listenerMediaSelect = {
  where: { kind: { in: ["master_playlist", "download", "waveform"] } },
  select: { kind: true, key: true },
} satisfies Prisma.Sermon$mediaAssetsArgs;

/**
 * The URLs of a sermon's current media version (the newest with a master playlist); null while
 * its first upload is still being prepared.
 */
export function listenerMediaUrls(sermon: {
  id: string;
  churchId: string;
  mediaAssets: readonly { kind: string; key: string }[];
}): ListenerMediaUrls | null {
  const owner = { churchId: sermon.churchId, sermonId: sermon.id };
  const versions = sermon.mediaAssets
    .filter((asset) => asset.kind === "master_playlist")
    .map((asset) => versionOfKey(asset.key, owner) ?? 0);
  const version = Math.max(0, ...versions);
  if (version === 0) return null;
  const fileOf = (kind: string) =>
    sermon.mediaAssets.find(
      (asset) => asset.kind === kind && versionOfKey(asset.key, owner) === version,
    );
  const base = `/media/${sermon.id}/v${version}`;
  // Exact, or a long recording's sampled stand-in while it is processed: named by its key.
  const waveformKey = fileOf("waveform")?.key;
  return {
    streamUrl: `${base}/master.m3u8`,
    downloadUrl: fileOf("download") ? `${base}/download.m4a` : null,
    waveformUrl: waveformKey
      ? `${base}/${waveformKey.slice(waveformKey.lastIndexOf("/") + 1)}`
      : null,
  };
}
