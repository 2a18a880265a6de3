import { publiclyVisibleWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import {
  type ListenerSermonSummary,
  summarySelect,
  toSummary,
} from "@/lib/catalog/sermons/sermon-summary";
import { getDb } from "@/lib/platform/db/client";
import type { SavedProgress } from "./saved-progress";

/** One sermon of a listener's history: where they are in it, and the sermon as lists show it. */
export interface HistoryEntry extends SavedProgress {
  sermonId: string;
  completed: boolean;
  /** The sermon's page. */
  path: string;
  sermon: ListenerSermonSummary;
}

export const HISTORY_LIMIT = 100;

/**
 * This listener's history, most recently listened first: the sermons they have a saved place
 * in that listeners can still see. `inProgress` leaves out the finished ones ("Continue
 * listening").
 */
export async function listProgress(
  listenerId: string,
  options: { inProgress?: boolean; limit?: number } = {},
): Promise<HistoryEntry[]> {
  const rows = await getDb().playbackProgress.findMany({
    where: {
      listenerId,
      ...(options.inProgress ? { completed: false } : {}),
      sermon: publiclyVisibleWhere(new Date()),
    },
    orderBy: { updatedAt: "desc" },
    take: Math.min(options.limit ?? HISTORY_LIMIT, HISTORY_LIMIT),
    select: {
      sermonId: true,
      positionMs: true,
      completed: true,
      updatedAt: true,
      sermon: { select: summarySelect },
    },
  });
  return rows.map((row) => ({
    sermonId: row.sermonId,
    positionMs: row.positionMs,
    updatedAt: row.updatedAt.toISOString(),
    completed: row.completed,
    path: sermonPagePath(row.sermon.church.slug, row.sermon.slug),
    sermon: toSummary(row.sermon),
  }));
}
