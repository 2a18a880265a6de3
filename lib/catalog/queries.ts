import { getDb } from "@/lib/db/client";
import { versionOfKey } from "@/lib/processing/sermon-media-keys";
import { publiclyVisibleWhere } from "./sermon-visibility";

export interface ListenerSermonSummary {
  slug: string;
  title: string;
  speaker: string | null;
  series: string | null;
  preachedOn: Date | null;
  durationMs: number | null;
  passages: string[];
}

export interface ListenerChurch {
  slug: string;
  name: string;
  description: string | null;
  websiteUrl: string | null;
}

export interface ListenerSermon extends ListenerSermonSummary {
  id: string;
  description: string | null;
  tags: string[];
  church: ListenerChurch;
  /** Null while the first upload is still being prepared. */
  media: { streamUrl: string; downloadUrl: string | null; waveformUrl: string | null } | null;
}

const summarySelect = {
  slug: true,
  title: true,
  preachedOn: true,
  durationMs: true,
  speaker: { select: { name: true } },
  series: { select: { title: true } },
  scriptureRefs: {
    where: { source: "main" },
    orderBy: { startKey: "asc" },
    select: { text: true },
  },
} as const;

type SummaryRow = {
  slug: string;
  title: string;
  preachedOn: Date | null;
  durationMs: number | null;
  speaker: { name: string } | null;
  series: { title: string } | null;
  scriptureRefs: { text: string }[];
};

const toSummary = (row: SummaryRow): ListenerSermonSummary => ({
  slug: row.slug,
  title: row.title,
  speaker: row.speaker?.name ?? null,
  series: row.series?.title ?? null,
  preachedOn: row.preachedOn,
  durationMs: row.durationMs,
  passages: row.scriptureRefs.map((ref) => ref.text),
});

const churchSelect = { slug: true, name: true, description: true, websiteUrl: true } as const;

/** A church and its sermons listeners can play now, newest first; null for an unknown slug. */
export async function getChurchCatalog(
  slug: string,
  now = new Date(),
): Promise<{ church: ListenerChurch; sermons: ListenerSermonSummary[] } | null> {
  const db = getDb();
  const church = await db.church.findUnique({
    where: { slug },
    select: { id: true, ...churchSelect },
  });
  if (!church) return null;
  const rows = await db.sermon.findMany({
    where: {
      churchId: church.id,
      ...publiclyVisibleWhere(now),
      mediaAssets: { some: { kind: "master_playlist" } },
    },
    orderBy: [
      { preachedOn: { sort: "desc", nulls: "last" } },
      { publishAt: { sort: "desc", nulls: "last" } },
      { createdAt: "desc" },
    ],
    select: summarySelect,
  });
  const { id: _id, ...listenerChurch } = church;
  return { church: listenerChurch, sermons: rows.map(toSummary) };
}

/** One publicly visible sermon with the URLs of its current media; null if not visible. */
export async function getListenerSermon(
  churchSlug: string,
  sermonSlug: string,
  now = new Date(),
): Promise<ListenerSermon | null> {
  const row = await getDb().sermon.findFirst({
    where: { slug: sermonSlug, church: { slug: churchSlug }, ...publiclyVisibleWhere(now) },
    select: {
      ...summarySelect,
      id: true,
      churchId: true,
      description: true,
      tags: true,
      church: { select: churchSelect },
      mediaAssets: {
        where: { kind: { in: ["master_playlist", "download", "waveform"] } },
        select: { kind: true, key: true },
      },
    },
  });
  if (!row) return null;
  const owner = { churchId: row.churchId, sermonId: row.id };
  const versions = row.mediaAssets
    .filter((asset) => asset.kind === "master_playlist")
    .map((asset) => versionOfKey(asset.key, owner) ?? 0);
  const version = Math.max(0, ...versions);
  const hasFile = (kind: string) =>
    row.mediaAssets.some(
      (asset) => asset.kind === kind && versionOfKey(asset.key, owner) === version,
    );
  const base = `/media/${row.id}/v${version}`;
  return {
    ...toSummary(row),
    id: row.id,
    description: row.description,
    tags: row.tags,
    church: row.church,
    media:
      version === 0
        ? null
        : {
            streamUrl: `${base}/master.m3u8`,
            downloadUrl: hasFile("download") ? `${base}/download.m4a` : null,
            waveformUrl: hasFile("waveform") ? `${base}/waveform.json` : null,
          },
  };
}
