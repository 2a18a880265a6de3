import { cache } from "react";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { getDb } from "@/lib/platform/db/client";
import { versionOfKey } from "@/lib/catalog/sermons/sermon-version";
import { playableWhere, publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import {
  type ListenerSermonSummary,
  newestFirst,
  summarySelect,
  toSummary,
} from "@/lib/catalog/sermons/sermon-summary";

export type { ListenerSermonSummary } from "@/lib/catalog/sermons/sermon-summary";

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

/** A series or speaker as the church page lists it: only those with something to play. */
export interface CatalogGroup {
  slug: string;
  name: string;
  sermonCount: number;
}

export interface ChurchCatalog {
  church: ListenerChurch;
  sermons: ListenerSermonSummary[];
  series: CatalogGroup[];
  speakers: CatalogGroup[];
}

export interface SeriesCatalog {
  church: ListenerChurch;
  series: { slug: string; title: string; description: string | null };
  sermons: ListenerSermonSummary[];
}

export interface SpeakerCatalog {
  church: ListenerChurch;
  speaker: { slug: string; name: string; bio: string | null };
  sermons: ListenerSermonSummary[];
}

const churchSelect = { slug: true, name: true, description: true, websiteUrl: true } as const;

async function findChurch(slug: string) {
  const church = await getDb().church.findUnique({
    where: { slug },
    select: { id: true, ...churchSelect },
  });
  if (!church) return null;
  const { id, ...listenerChurch } = church;
  return { id, church: listenerChurch };
}

const listPlayableSermons = (where: Prisma.SermonWhereInput, now: Date, take?: number) =>
  getDb()
    .sermon.findMany({
      where: { AND: [where, playableWhere(now)] },
      orderBy: newestFirst,
      select: summarySelect,
      take,
    })
    .then((rows) => rows.map(toSummary));

/** A church, its playable sermons newest first, and the series and speakers they belong to. */
async function getChurchCatalogUncached(slug: string, now = new Date()): Promise<ChurchCatalog | null> {
  const found = await findChurch(slug);
  if (!found) return null;
  const db = getDb();
  const countPlayable = { _count: { select: { sermons: { where: playableWhere(now) } } } } as const;
  const [sermons, series, speakers] = await Promise.all([
    listPlayableSermons({ churchId: found.id }, now),
    db.series.findMany({
      where: { churchId: found.id },
      orderBy: { title: "asc" },
      select: { slug: true, title: true, ...countPlayable },
    }),
    db.speaker.findMany({
      where: { churchId: found.id },
      orderBy: { name: "asc" },
      select: { slug: true, name: true, ...countPlayable },
    }),
  ]);
  return {
    church: found.church,
    sermons,
    series: series
      .map((row) => ({ slug: row.slug, name: row.title, sermonCount: row._count.sermons }))
      .filter((group) => group.sermonCount > 0),
    speakers: speakers
      .map((row) => ({ slug: row.slug, name: row.name, sermonCount: row._count.sermons }))
      .filter((group) => group.sermonCount > 0),
  };
}

/** The newest playable sermons of every church. */
export const listLatestSermons = (limit: number, now = new Date()): Promise<ListenerSermonSummary[]> =>
  listPlayableSermons({}, now, limit);

/** A church's series and its playable sermons; null for an unknown church or series. */
async function getSeriesCatalogUncached(
  churchSlug: string,
  seriesSlug: string,
  now = new Date(),
): Promise<SeriesCatalog | null> {
  const found = await findChurch(churchSlug);
  if (!found) return null;
  const series = await getDb().series.findUnique({
    where: { churchId_slug: { churchId: found.id, slug: seriesSlug } },
    select: { id: true, slug: true, title: true, description: true },
  });
  if (!series) return null;
  const { id, ...listenerSeries } = series;
  const sermons = await listPlayableSermons({ seriesId: id }, now);
  return { church: found.church, series: listenerSeries, sermons };
}

/** A church's speaker and their playable sermons; null for an unknown church or speaker. */
async function getSpeakerCatalogUncached(
  churchSlug: string,
  slug: string,
  now = new Date(),
): Promise<SpeakerCatalog | null> {
  const found = await findChurch(churchSlug);
  if (!found) return null;
  const speaker = await getDb().speaker.findUnique({
    where: { churchId_slug: { churchId: found.id, slug } },
    select: { id: true, slug: true, name: true, bio: true },
  });
  if (!speaker) return null;
  const { id, ...listenerSpeaker } = speaker;
  const sermons = await listPlayableSermons({ speakerId: id }, now);
  return { church: found.church, speaker: listenerSpeaker, sermons };
}

/** One publicly visible sermon with the URLs of its current media; null if not visible. */
async function getListenerSermonUncached(
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

// A page and its generateMetadata ask for the same thing; one request runs each query once.
export const getChurchCatalog = cache(getChurchCatalogUncached);
export const getSeriesCatalog = cache(getSeriesCatalogUncached);
export const getSpeakerCatalog = cache(getSpeakerCatalogUncached);
export const getListenerSermon = cache(getListenerSermonUncached);
