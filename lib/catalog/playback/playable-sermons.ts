import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { type Db, getDb } from "@/lib/platform/db/client";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { playableWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { listenerMediaSelect, listenerMediaUrls } from "./listener-media-urls";

/** What the listener's player needs to play a sermon it was not opened on (a queue, an answer). */
export interface PlayableSermon {
  id: string;
  title: string;
  speaker: string | null;
  church: string;
  series: string | null;
  /** The sermon's page. */
  href: string;
  streamUrl: string;
  downloadUrl: string | null;
  durationMs: number | null;
}

/** The most sermons one request may ask for (an answer cites a handful). */
export const MAX_PLAYABLE_IDS = 50;

const playableSelect = {
  id: true,
  churchId: true,
  slug: true,
  title: true,
  durationMs: true,
  church: { select: { slug: true, name: true } },
  speaker: { select: { name: true } },
  series: { select: { title: true } },
  mediaAssets: listenerMediaSelect,
} satisfies Prisma.SermonSelect;

type PlayableRow = Prisma.SermonGetPayload<{ select: typeof playableSelect }>;

function toPlayable(row: PlayableRow): PlayableSermon | null {
  const media = listenerMediaUrls(row);
  if (!media) return null;
  return {
    id: row.id,
    title: row.title,
    speaker: row.speaker?.name ?? null,
    church: row.church.name,
    series: row.series?.title ?? null,
    href: sermonPagePath(row.church.slug, row.slug),
    streamUrl: media.streamUrl,
    downloadUrl: media.downloadUrl,
    durationMs: row.durationMs,
  };
}

/**
 * The sermons of `ids` that listeners can play, in the order asked for; the others (unknown,
 * unpublished, not streamable yet) are left out. Without `deps`, this process's database.
 */
export async function listPlayableSermons(
  ids: readonly string[],
  deps: { db: Db; now?: Date } = { db: getDb() },
): Promise<PlayableSermon[]> {
  const unique = [...new Set(ids)].slice(0, MAX_PLAYABLE_IDS);
  if (unique.length === 0) return [];
  const rows = await deps.db.sermon.findMany({
    where: { id: { in: unique }, ...playableWhere(deps.now ?? new Date()) },
    select: playableSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toPlayable(row)]));
  return unique.map((id) => byId.get(id)).filter((sermon) => sermon != null);
}

/** The order a series is preached in: by the day, then when it went out, then when made. */
const preachedOrder = [
  { preachedOn: { sort: "asc", nulls: "last" } },
  { publishAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
] satisfies Prisma.SermonOrderByWithRelationInput[];

/**
 * "Up next" when the listener queued nothing: the sermon preached after this one in its series
 * that listeners can play; null for a sermon in no series, the series' last, or one not
 * playable itself.
 */
export async function findNextInSeries(
  sermonId: string,
  deps: { db: Db; now?: Date } = { db: getDb() },
): Promise<PlayableSermon | null> {
  const now = deps.now ?? new Date();
  const sermon = await deps.db.sermon.findFirst({
    where: { id: sermonId, ...playableWhere(now) },
    select: { seriesId: true },
  });
  if (!sermon?.seriesId) return null;
  // A series is a few dozen sermons: its order is simplest read whole.
  const series = await deps.db.sermon.findMany({
    where: { AND: [{ seriesId: sermon.seriesId }, playableWhere(now)] },
    orderBy: preachedOrder,
    select: playableSelect,
  });
  const at = series.findIndex((row) => row.id === sermonId);
  const next = at >= 0 ? series[at + 1] : undefined;
  return next ? toPlayable(next) : null;
}
