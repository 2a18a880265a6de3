import type { Db } from "@/lib/platform/db/client";
import type { InsightsRange } from "./insights-range";

export interface SermonRetention {
  sermonId: string;
  title: string;
  durationMs: number;
  listeners: number;
  /** curve[b]: the share (0–1) of listeners who heard the b-th 1% of the sermon. */
  curve: number[];
  chapters: { title: string; startMs: number; percent: number }[];
}

/**
 * Where a sermon's listeners stop: its daily retention buckets summed over the range, as shares
 * of the range's listeners, with its chapters placed on the same 0–100 % scale. Null when the
 * sermon is not the church's.
 */
export async function sermonRetention(
  db: Db,
  churchId: string,
  sermonId: string,
  range: InsightsRange,
): Promise<SermonRetention | null> {
  const sermon = await db.sermon.findFirst({
    where: { id: sermonId, churchId },
    select: {
      title: true,
      durationMs: true,
      chapters: { select: { title: true, startMs: true }, orderBy: { startMs: "asc" } },
    },
  });
  if (!sermon) return null;
  const days = await db.sermonListeningDay.findMany({
    where: { sermonId, day: { gte: range.from, lte: range.to } },
    select: { uniqueListeners: true, retention: true },
  });
  const totals = Array.from({ length: 100 }, () => 0);
  let listeners = 0;
  for (const day of days) {
    listeners += day.uniqueListeners;
    day.retention.forEach((count, bucket) => {
      if (bucket < 100) totals[bucket]! += count;
    });
  }
  const durationMs = sermon.durationMs ?? 0;
  return {
    sermonId,
    title: sermon.title,
    durationMs,
    listeners,
    curve: totals.map((count) => (listeners ? count / listeners : 0)),
    chapters: sermon.chapters.map((chapter) => ({
      ...chapter,
      percent: durationMs ? Math.min(100, (chapter.startMs / durationMs) * 100) : 0,
    })),
  };
}
