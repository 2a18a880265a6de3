import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { getDb } from "@/lib/platform/db/client";
import type { ListenerData } from "@/lib/catalog/listener-cache/cached-for-listeners";
import { mediaContentType } from "@/lib/catalog/playback/media-content-type";
import {
  captionsPath,
  chaptersJsonPath,
  downloadPath,
  transcriptJsonPath,
} from "@/lib/catalog/playback/listener-paths";
import { nextListingChange } from "@/lib/catalog/sermons/next-listing-change";
import { newestFirst } from "@/lib/catalog/sermons/sermon-summary";
import { DOWNLOAD_NAME, sermonOutputKey, versionOfKey } from "@/lib/catalog/sermons/sermon-version";
import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { passagePagePath } from "@/lib/catalog/scripture/passage-page-path";
import { feedPagePath, type FeedScope } from "./feed-scope";
import type { PodcastEpisode, PodcastFeed } from "./podcast-feed";

const episodeSelect = {
  id: true,
  churchId: true,
  slug: true,
  title: true,
  description: true,
  preachedOn: true,
  publishAt: true,
  createdAt: true,
  durationMs: true,
  speaker: { select: { slug: true, name: true, updatedAt: true } },
  scriptureRefs: {
    where: { source: "main" },
    orderBy: { startKey: "asc" },
    select: {
      text: true,
      book: true,
      startChapter: true,
      startVerse: true,
      endChapter: true,
      endVerse: true,
    },
  },
  mediaAssets: {
    where: { kind: { in: ["master_playlist", "download"] } },
    select: { kind: true, key: true, bytes: true, updatedAt: true },
  },
  transcripts: {
    where: { isCurrent: true },
    take: 1,
    select: { language: true, vttKey: true, createdAt: true },
  },
  // Whether it has chapters, and the latest change to them.
  chapters: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
} satisfies Prisma.SermonSelect;

type EpisodeRow = Prisma.SermonGetPayload<{ select: typeof episodeSelect }>;

/** What a feed's channel says, and which sermons it carries. */
interface Channel {
  where: Prisma.SermonWhereInput;
  title: string;
  description: string;
  person: PodcastFeed["person"];
  updatedAt: Date;
}

const latest = (dates: readonly (Date | null | undefined)[]) =>
  new Date(Math.max(0, ...dates.map((date) => date?.getTime() ?? 0)));

/**
 * A feed's content: the church (or its series or speaker) and its publicly visible sermons,
 * newest first, that have a download to enclose (the pipeline records it, with its size, when
 * the transcode ends). Null for an unknown church, series or speaker. `validUntil` as for the
 * listener pages: a scheduled sermon's time, or now while one is being prepared.
 */
export async function loadPodcastFeed(scope: FeedScope): Promise<ListenerData<PodcastFeed | null>> {
  const now = new Date();
  const db = getDb();
  const church = await db.church.findUnique({
    where: { slug: scope.church },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      givingUrl: true,
      updatedAt: true,
      memberships: {
        where: { role: "owner" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { createdAt: true, user: { select: { email: true, updatedAt: true } } },
      },
    },
  });
  if (!church) return { value: null, validUntil: null };
  const channel = await findChannel(church, scope);
  if (!channel) return { value: null, validUntil: null };

  const [rows, lastSermonChange, validUntil] = await Promise.all([
    db.sermon.findMany({
      where: { AND: [channel.where, publiclyVisibleWhere(now)] },
      orderBy: newestFirst,
      select: episodeSelect,
    }),
    // Any sermon's, listed or not: unpublishing one changes the feed too.
    db.sermon.aggregate({ where: channel.where, _max: { updatedAt: true } }),
    nextListingChange(channel.where, now),
  ]);
  const listed = rows.flatMap((row) => {
    const episode = toEpisode(row, church.slug);
    return episode ? [{ row, episode }] : [];
  });
  const owner = church.memberships[0];
  const value: PodcastFeed = {
    scope,
    title: channel.title,
    description: channel.description,
    pagePath: feedPagePath(scope),
    church: { slug: church.slug, name: church.name, givingUrl: church.givingUrl },
    ownerEmail: owner?.user.email ?? null,
    person: channel.person,
    episodes: listed.map(({ episode }) => episode),
    lastModified: latest([
      church.updatedAt,
      owner?.createdAt,
      owner?.user.updatedAt,
      channel.updatedAt,
      lastSermonChange._max.updatedAt,
      ...listed.flatMap(({ row }) => [
        row.publishAt,
        row.speaker?.updatedAt,
        ...row.mediaAssets.map((asset) => asset.updatedAt),
        row.transcripts[0]?.createdAt,
        row.chapters[0]?.updatedAt,
      ]),
    ]),
  };
  return { value, validUntil };
}

async function findChannel(
  church: { id: string; name: string; description: string | null; updatedAt: Date },
  scope: FeedScope,
): Promise<Channel | null> {
  const db = getDb();
  if (scope.kind === "church") {
    return {
      where: { churchId: church.id },
      title: church.name,
      description: church.description ?? `Sermons from ${church.name}.`,
      person: null,
      updatedAt: church.updatedAt,
    };
  }
  const key = { churchId_slug: { churchId: church.id, slug: scope.slug } };
  if (scope.kind === "series") {
    const series = await db.series.findUnique({
      where: key,
      select: { id: true, title: true, description: true, updatedAt: true },
    });
    if (!series) return null;
    return {
      where: { seriesId: series.id },
      title: `${series.title} · ${church.name}`,
      description: series.description ?? `${series.title}: a sermon series from ${church.name}.`,
      person: null,
      updatedAt: series.updatedAt,
    };
  }
  const speaker = await db.speaker.findUnique({
    where: key,
    select: { id: true, name: true, bio: true, updatedAt: true },
  });
  if (!speaker) return null;
  return {
    where: { speakerId: speaker.id },
    title: `${speaker.name} · ${church.name}`,
    description: speaker.bio ?? `Sermons by ${speaker.name} at ${church.name}.`,
    person: { name: speaker.name, pagePath: feedPagePath(scope) },
    updatedAt: speaker.updatedAt,
  };
}

/**
 * The episode a sermon makes, or null while it has no download listeners can fetch: one of a
 * media version whose master playlist is recorded (the media route serves only those), the
 * newest such, with its size known.
 */
function toEpisode(row: EpisodeRow, churchSlug: string): PodcastEpisode | null {
  const owner = { churchId: row.churchId, sermonId: row.id };
  const served = new Set(
    row.mediaAssets
      .filter((asset) => asset.kind === "master_playlist")
      .map((asset) => versionOfKey(asset.key, owner)),
  );
  const download = row.mediaAssets
    .filter((asset) => asset.kind === "download" && (asset.bytes ?? 0n) > 0n)
    .map((asset) => ({ asset, version: versionOfKey(asset.key, owner) ?? 0 }))
    .filter(
      ({ asset, version }) =>
        served.has(version) &&
        asset.key === sermonOutputKey({ ...owner, mediaVersion: version }, DOWNLOAD_NAME),
    )
    .sort((a, b) => b.version - a.version)[0];
  if (!download) return null;
  const transcript = row.transcripts[0];
  return {
    sermonId: row.id,
    title: row.title,
    pagePath: `${feedPagePath({ kind: "church", church: churchSlug })}/sermons/${encodeURIComponent(row.slug)}`,
    description: row.description,
    passages: row.scriptureRefs.map((ref) => ({ text: ref.text, pagePath: passagePagePath(ref) })),
    speaker: row.speaker && {
      name: row.speaker.name,
      pagePath: feedPagePath({ kind: "speaker", church: churchSlug, slug: row.speaker.slug }),
    },
    publishedAt: row.preachedOn ?? row.publishAt ?? row.createdAt,
    durationMs: row.durationMs,
    enclosure: {
      path: downloadPath(row.id, download.version),
      bytes: Number(download.asset.bytes),
      type: mediaContentType(DOWNLOAD_NAME),
    },
    transcript: transcript
      ? {
          jsonPath: transcriptJsonPath(row.id),
          captionsPath: transcript.vttKey ? captionsPath(row.id) : null,
          language: transcript.language,
        }
      : null,
    chaptersPath: row.chapters.length ? chaptersJsonPath(row.id) : null,
  };
}
