import type { Db } from "@/lib/platform/db/client";
import { daysOf, type InsightsRange } from "./insights-range";

export interface DailyListening {
  day: string;
  plays: number;
  uniqueListeners: number;
  feedDownloads: number;
}

export interface SermonListening {
  sermonId: string;
  title: string;
  slug: string;
  plays: number;
  completions: number;
  /** Mean share of the sermon its listeners heard, 0–1. */
  averageCompletion: number;
  feedDownloads: number;
}

export interface QueryCount {
  query: string;
  searches: number;
  zeroResults: number;
}

export interface ChurchInsights {
  range: { from: string; to: string };
  totals: {
    plays: number;
    /** Unique listeners per day, summed: a listener is not recognised from one day to the next. */
    listenerDays: number;
    completions: number;
    averageCompletion: number;
    feedDownloads: number;
    searches: number;
  };
  daily: DailyListening[];
  topSermons: SermonListening[];
  topQueries: QueryCount[];
  zeroResultQueries: QueryCount[];
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

/**
 * A church's listening over a range, from the daily rollups only (never raw reports), so a year
 * of 500 sermons is a few index range scans: per-day totals, the most played sermons, feed
 * downloads, and what was searched for (the most asked and the ones that found nothing).
 */
export async function churchInsights(
  db: Db,
  churchId: string,
  range: InsightsRange,
  options: { topSermons?: number; topQueries?: number } = {},
): Promise<ChurchInsights> {
  const days = { gte: range.from, lte: range.to };
  const [daily, downloadsByDay, sermonRows, downloadsBySermon, queryRows, zeroRows] =
    await Promise.all([
      db.churchListeningDay.findMany({
        where: { churchId, day: days },
        select: { day: true, plays: true, uniqueListeners: true },
      }),
      db.feedDownloadDay.groupBy({
        by: ["day"],
        where: { churchId, day: days },
        _sum: { downloads: true },
      }),
      db.sermonListeningDay.groupBy({
        by: ["sermonId"],
        where: { churchId, day: days },
        _sum: { plays: true, completions: true, completionSum: true, uniqueListeners: true },
      }),
      db.feedDownloadDay.groupBy({
        by: ["sermonId"],
        where: { churchId, day: days },
        _sum: { downloads: true },
      }),
      db.searchQueryDay.groupBy({
        by: ["query"],
        where: { churchId, day: days },
        _sum: { searches: true, zeroResults: true },
        orderBy: { _sum: { searches: "desc" } },
        take: options.topQueries ?? 20,
      }),
      db.searchQueryDay.groupBy({
        by: ["query"],
        where: { churchId, day: days, zeroResults: { gt: 0 } },
        _sum: { searches: true, zeroResults: true },
        orderBy: { _sum: { zeroResults: "desc" } },
        take: options.topQueries ?? 20,
      }),
    ]);

  const byDay = new Map(daily.map((row) => [iso(row.day), row]));
  const downloadsOn = new Map(downloadsByDay.map((row) => [iso(row.day), row._sum.downloads ?? 0]));
  const series = daysOf(range).map((day) => ({
    day,
    plays: byDay.get(day)?.plays ?? 0,
    uniqueListeners: byDay.get(day)?.uniqueListeners ?? 0,
    feedDownloads: downloadsOn.get(day) ?? 0,
  }));

  const downloadsOf = new Map(
    downloadsBySermon.map((row) => [row.sermonId, row._sum.downloads ?? 0]),
  );
  const ranked = sermonRows
    .map((row) => ({
      sermonId: row.sermonId,
      plays: row._sum.plays ?? 0,
      completions: row._sum.completions ?? 0,
      completionSum: row._sum.completionSum ?? 0,
      listeners: row._sum.uniqueListeners ?? 0,
    }))
    .sort((a, b) => b.plays - a.plays || a.sermonId.localeCompare(b.sermonId))
    .slice(0, options.topSermons ?? 20);
  const titles = await db.sermon.findMany({
    where: { id: { in: ranked.map((row) => row.sermonId) } },
    select: { id: true, title: true, slug: true },
  });
  const titleOf = new Map(titles.map((sermon) => [sermon.id, sermon]));
  const topSermons = ranked.map((row) => ({
    sermonId: row.sermonId,
    title: titleOf.get(row.sermonId)?.title ?? "(deleted)",
    slug: titleOf.get(row.sermonId)?.slug ?? "",
    plays: row.plays,
    completions: row.completions,
    averageCompletion: row.listeners ? row.completionSum / row.listeners : 0,
    feedDownloads: downloadsOf.get(row.sermonId) ?? 0,
  }));

  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const allCompletionSum = sum(sermonRows.map((row) => row._sum.completionSum ?? 0));
  const allListeners = sum(sermonRows.map((row) => row._sum.uniqueListeners ?? 0));
  const asCount = (row: {
    query: string;
    _sum: { searches: number | null; zeroResults: number | null };
  }) => ({
    query: row.query,
    searches: row._sum.searches ?? 0,
    zeroResults: row._sum.zeroResults ?? 0,
  });
  const topQueries = queryRows.map(asCount);
  return {
    range: { from: iso(range.from), to: iso(range.to) },
    totals: {
      plays: sum(series.map((day) => day.plays)),
      listenerDays: sum(series.map((day) => day.uniqueListeners)),
      completions: sum(sermonRows.map((row) => row._sum.completions ?? 0)),
      averageCompletion: allListeners ? allCompletionSum / allListeners : 0,
      feedDownloads: sum(series.map((day) => day.feedDownloads)),
      searches: sum(topQueries.map((row) => row.searches)),
    },
    daily: series,
    topSermons,
    topQueries,
    zeroResultQueries: zeroRows.map(asCount),
  };
}
