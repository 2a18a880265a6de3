import { cache } from "react";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { getDb } from "@/lib/platform/db/client";
import {
  cachedForListeners,
  type ListenerData,
} from "@/lib/catalog/listener-cache/cached-for-listeners";
import { CATALOG_TAG, churchTag, sermonTag } from "@/lib/catalog/listener-cache/cache-tags";
import { nextListingChange } from "@/lib/catalog/sermons/next-listing-change";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import {
  type ListenerMediaUrls,
  listenerMediaSelect,
  listenerMediaUrls,
} from "@/lib/catalog/playback/listener-media-urls";
import {
  getChaptersForListener,
  type ListenerChapter,
} from "@/lib/catalog/chapters/chapter-queries";
import {
  getTranscriptForListener,
  type ListenerTranscript,
} from "@/lib/catalog/transcripts/transcript-queries";
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
  media: ListenerMediaUrls | null;
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

/** A sermon's page: the sermon, and its transcript once it has media (null until then). */
export interface SermonPageData {
  sermon: ListenerSermon;
  transcript: ListenerTranscript | null;
  /** In order; none until the sermon is transcribed (or an admin adds some). */
  chapters: ListenerChapter[];
}

const unchanging = <T>(value: T): ListenerData<T> => ({ value, validUntil: null });

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
async function loadChurchCatalog(slug: string): Promise<ListenerData<ChurchCatalog | null>> {
  const now = new Date();
  const found = await findChurch(slug);
  if (!found) return unchanging(null);
  const db = getDb();
  const countPlayable = { _count: { select: { sermons: { where: playableWhere(now) } } } } as const;
  const [sermons, series, speakers, validUntil] = await Promise.all([
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
    nextListingChange({ churchId: found.id }, now),
  ]);
  const value = {
    church: found.church,
    sermons,
    series: series
      .map((row) => ({ slug: row.slug, name: row.title, sermonCount: row._count.sermons }))
      .filter((group) => group.sermonCount > 0),
    speakers: speakers
      .map((row) => ({ slug: row.slug, name: row.name, sermonCount: row._count.sermons }))
      .filter((group) => group.sermonCount > 0),
  };
  return { value, validUntil };
}

/** The newest playable sermons of every church. */
async function loadLatestSermons(limit: number): Promise<ListenerData<ListenerSermonSummary[]>> {
  const now = new Date();
  const [value, validUntil] = await Promise.all([
    listPlayableSermons({}, now, limit),
    nextListingChange({}, now),
  ]);
  return { value, validUntil };
}

/** A church's series and its playable sermons; null for an unknown church or series. */
async function loadSeriesCatalog(
  churchSlug: string,
  seriesSlug: string,
): Promise<ListenerData<SeriesCatalog | null>> {
  const now = new Date();
  const found = await findChurch(churchSlug);
  if (!found) return unchanging(null);
  const series = await getDb().series.findUnique({
    where: { churchId_slug: { churchId: found.id, slug: seriesSlug } },
    select: { id: true, slug: true, title: true, description: true },
  });
  if (!series) return unchanging(null);
  const { id, ...listenerSeries } = series;
  const [sermons, validUntil] = await Promise.all([
    listPlayableSermons({ seriesId: id }, now),
    nextListingChange({ seriesId: id }, now),
  ]);
  return { value: { church: found.church, series: listenerSeries, sermons }, validUntil };
}

/** A church's speaker and their playable sermons; null for an unknown church or speaker. */
async function loadSpeakerCatalog(
  churchSlug: string,
  slug: string,
): Promise<ListenerData<SpeakerCatalog | null>> {
  const now = new Date();
  const found = await findChurch(churchSlug);
  if (!found) return unchanging(null);
  const speaker = await getDb().speaker.findUnique({
    where: { churchId_slug: { churchId: found.id, slug } },
    select: { id: true, slug: true, name: true, bio: true },
  });
  if (!speaker) return unchanging(null);
  const { id, ...listenerSpeaker } = speaker;
  const [sermons, validUntil] = await Promise.all([
    listPlayableSermons({ speakerId: id }, now),
    nextListingChange({ speakerId: id }, now),
  ]);
  return { value: { church: found.church, speaker: listenerSpeaker, sermons }, validUntil };
}

/** A sermon's page: the sermon if listeners can see it, with its transcript. */
async function loadSermonPage(
  churchSlug: string,
  sermonSlug: string,
): Promise<ListenerData<SermonPageData | null>> {
  const now = new Date();
  const [sermon, validUntil] = await Promise.all([
    findListenerSermon(churchSlug, sermonSlug, now),
    // A sermon not visible yet (scheduled) is answered as none until its time.
    nextListingChange({ slug: sermonSlug, church: { slug: churchSlug } }, now),
  ]);
  if (!sermon) return { value: null, validUntil };
  const [transcript, chapters] = sermon.media
    ? await Promise.all([
        getTranscriptForListener(sermon.id),
        getChaptersForListener(sermon.id, sermon.durationMs),
      ])
    : [null, []];
  return { value: { sermon, transcript, chapters }, validUntil };
}

/** One publicly visible sermon with the URLs of its current media; null if not visible. */
async function findListenerSermon(
  churchSlug: string,
  sermonSlug: string,
  now: Date,
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
      mediaAssets: listenerMediaSelect,
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    id: row.id,
    description: row.description,
    tags: row.tags,
    church: row.church,
    media: listenerMediaUrls(row),
  };
}

// Served from the listener cache (lib/catalog/listener-cache/): tagged by church, and by
// sermon for a sermon's page; the home page's data by CATALOG_TAG. Writes expire the tags.
// A page and its generateMetadata ask for the same thing; React's cache() reads it once.

/** The home page's latest sermons, of every church. */
export const listLatestSermons = cachedForListeners(
  "latest-sermons",
  (_limit) => [CATALOG_TAG],
  loadLatestSermons,
);

/** The church page: the church, its playable sermons, and its series and speakers with some. */
export const getChurchCatalog = cache(
  cachedForListeners("church-catalog", (slug) => [churchTag(slug)], loadChurchCatalog),
);

/** A series page: the series and its playable sermons. */
export const getSeriesCatalog = cache(
  cachedForListeners("series-catalog", (churchSlug) => [churchTag(churchSlug)], loadSeriesCatalog),
);

/** A speaker page: the speaker and their playable sermons. */
export const getSpeakerCatalog = cache(
  cachedForListeners(
    "speaker-catalog",
    (churchSlug) => [churchTag(churchSlug)],
    loadSpeakerCatalog,
  ),
);

/** A sermon page: the sermon (with its media's URLs) and its transcript; null if not visible. */
export const getSermonPageData = cache(
  cachedForListeners(
    "sermon-page",
    (churchSlug, sermonSlug) => [churchTag(churchSlug), sermonTag(churchSlug, sermonSlug)],
    loadSermonPage,
  ),
);

/** The sermon page's sermon as the listener's player plays it; null while it has no media yet. */
export function playableFromPage(sermon: ListenerSermon): PlayableSermon | null {
  if (!sermon.media) return null;
  return {
    id: sermon.id,
    title: sermon.title,
    speaker: sermon.speaker?.name ?? null,
    church: sermon.church.name,
    series: sermon.series?.title ?? null,
    href: sermonPagePath(sermon.church.slug, sermon.slug),
    streamUrl: sermon.media.streamUrl,
    downloadUrl: sermon.media.downloadUrl,
    durationMs: sermon.durationMs,
  };
}
