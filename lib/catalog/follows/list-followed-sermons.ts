import { playableWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import {
  type ListenerSermonSummary,
  newestFirst,
  summarySelect,
  toSummary,
} from "@/lib/catalog/sermons/sermon-summary";
import { getDb } from "@/lib/platform/db/client";

export type FollowedSermon = ListenerSermonSummary & { path: string };

/**
 * "New from what you follow": the playable sermons of the churches, series and speakers this
 * listener follows, newest first. Read per listener, never from the listener cache.
 */
export async function listFollowedSermons(
  listenerId: string,
  limit = 6,
): Promise<FollowedSermon[]> {
  const followed = { followers: { some: { listenerId } } };
  const rows = await getDb().sermon.findMany({
    where: {
      AND: [
        playableWhere(new Date()),
        { OR: [{ church: followed }, { series: followed }, { speaker: followed }] },
      ],
    },
    orderBy: newestFirst,
    select: summarySelect,
    take: Math.min(limit, 50),
  });
  return rows.map((row) => ({
    ...toSummary(row),
    path: sermonPagePath(row.church.slug, row.slug),
  }));
}
