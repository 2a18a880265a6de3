import { feedPagePath } from "@/lib/catalog/feeds/feed-scope";
import { getDb } from "@/lib/platform/db/client";
import type { FollowTarget } from "./follow-target";

/** One thing a listener follows, as the account page and the follow buttons show it. */
export type FollowedItem = FollowTarget & {
  /** The church's, series' or speaker's name. */
  name: string;
  churchName: string;
  /** Its listener page. */
  path: string;
};

/** What this listener follows, most recently followed first. */
export async function listFollows(listenerId: string): Promise<FollowedItem[]> {
  const church = { select: { slug: true, name: true } } as const;
  const rows = await getDb().follow.findMany({
    where: { listenerId },
    orderBy: { createdAt: "desc" },
    select: {
      church,
      series: { select: { slug: true, title: true, church } },
      speaker: { select: { slug: true, name: true, church } },
    },
  });
  return rows.flatMap((row): FollowedItem[] => {
    const target: (FollowTarget & { name: string; churchName: string }) | null = row.church
      ? {
          kind: "church",
          church: row.church.slug,
          name: row.church.name,
          churchName: row.church.name,
        }
      : row.series
        ? {
            kind: "series",
            church: row.series.church.slug,
            slug: row.series.slug,
            name: row.series.title,
            churchName: row.series.church.name,
          }
        : row.speaker
          ? {
              kind: "speaker",
              church: row.speaker.church.slug,
              slug: row.speaker.slug,
              name: row.speaker.name,
              churchName: row.speaker.church.name,
            }
          : null;
    return target ? [{ ...target, path: feedPagePath(target) }] : [];
  });
}
