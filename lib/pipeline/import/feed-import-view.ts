import { describeStageFailure, isStopped } from "@/lib/pipeline/stages";
import { getDb } from "@/lib/platform/db/client";
import type {
  FeedImportStatus,
  PipelineStage,
  SermonStatus,
} from "@/lib/platform/db/generated/prisma/enums";
import { isWorkingImport, UNFINISHED_STATUSES } from "./active-imports";

/** An item as the admin follows it: its import's states, then its sermon's way through the pipeline. */
export type ItemViewState = "queued" | "fetching" | "processing" | "done" | "failed";

export interface FeedImportItemView {
  id: string;
  title: string;
  state: ItemViewState;
  bytesFetched: number;
  bytesTotal: number | null;
  /** Why it failed (the fetch, or the stage of the pipeline that gave up). */
  reason: string | null;
  /** Why the feed's transcript was not used. */
  note: string | null;
  sermonId: string | null;
}

export interface FeedImportView {
  id: string;
  url: string;
  status: FeedImportStatus;
  /** The import itself has stopped working without finishing (its run was lost). */
  isStalled: boolean;
  startedBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  failureReason: string | null;
  itemCount: number | null;
  skippedCount: number;
  counts: Record<ItemViewState, number>;
  items: FeedImportItemView[];
  page: number;
  pageCount: number;
  /** Something is still moving (the import, or its sermons in the pipeline): keep refreshing. */
  isActive: boolean;
}

export interface FeedSourceView {
  id: string;
  url: string;
  keepInSync: boolean;
  importAsDrafts: boolean;
  latestImport: { id: string; status: FeedImportStatus; createdAt: Date } | null;
}

export const ITEMS_PER_VIEW_PAGE = 100;

/** The church's saved feeds, newest first, each with its latest import. */
export async function listFeedSources(churchId: string): Promise<FeedSourceView[]> {
  const sources = await getDb().feedSource.findMany({
    where: { churchId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      keepInSync: true,
      importAsDrafts: true,
      imports: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, createdAt: true },
      },
    },
  });
  return sources.map(({ imports, ...source }) => ({ ...source, latestImport: imports[0] ?? null }));
}

/** One import's progress, a page of its items at a time; null if it is not this church's. */
export async function feedImportView(
  churchId: string,
  importId: string,
  page = 1,
): Promise<FeedImportView | null> {
  const db = getDb();
  const feedImport = await db.feedImport.findFirst({
    where: { id: importId, churchId },
    include: { source: { select: { url: true } } },
  });
  if (!feedImport) return null;
  const [states, sermonStates, total] = await Promise.all([
    db.feedItem.groupBy({ by: ["state"], where: { importId }, _count: true }),
    db.sermon.groupBy({ by: ["status"], where: { feedItem: { importId } }, _count: true }),
    db.feedItem.count({ where: { importId } }),
  ]);
  const counts: Record<ItemViewState, number> = {
    queued: 0,
    fetching: 0,
    processing: 0,
    done: 0,
    failed: 0,
  };
  for (const row of states) {
    if (row.state === "imported") counts.done += row._count;
    else counts[row.state] += row._count;
  }
  // Imported items count as done unless their sermon is still in the pipeline or stopped in it.
  for (const row of sermonStates) {
    const state = sermonViewState(row.status);
    if (state === "done") continue;
    counts.done -= row._count;
    counts[state] += row._count;
  }
  const pageCount = Math.max(1, Math.ceil(total / ITEMS_PER_VIEW_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const items = await db.feedItem.findMany({
    where: { importId },
    orderBy: { position: "asc" },
    skip: (current - 1) * ITEMS_PER_VIEW_PAGE,
    take: ITEMS_PER_VIEW_PAGE,
    select: {
      id: true,
      title: true,
      state: true,
      bytesFetched: true,
      bytesTotal: true,
      failureReason: true,
      transcriptNote: true,
      sermon: {
        select: { id: true, status: true, failedStage: true, failureReason: true },
      },
    },
  });
  const isUnfinished = UNFINISHED_STATUSES.includes(feedImport.status);
  const isWorking = isWorkingImport(feedImport);
  return {
    id: feedImport.id,
    url: feedImport.source.url,
    status: feedImport.status,
    isStalled: isUnfinished && !isWorking,
    startedBy: feedImport.startedBy,
    createdAt: feedImport.createdAt,
    finishedAt: feedImport.finishedAt,
    failureReason: feedImport.failureReason,
    itemCount: feedImport.itemCount,
    skippedCount: feedImport.skippedCount,
    counts,
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      ...itemState(item),
      bytesFetched: Number(item.bytesFetched),
      bytesTotal: item.bytesTotal === null ? null : Number(item.bytesTotal),
      note: item.transcriptNote,
      sermonId: item.sermon?.id ?? null,
    })),
    page: current,
    pageCount,
    isActive: isWorking || counts.processing > 0,
  };
}

function itemState(item: {
  state: "queued" | "fetching" | "imported" | "failed";
  failureReason: string | null;
  sermon: {
    status: SermonStatus;
    failedStage: PipelineStage | null;
    failureReason: string | null;
  } | null;
}): { state: ItemViewState; reason: string | null } {
  if (item.state !== "imported") return { state: item.state, reason: item.failureReason };
  if (!item.sermon) return { state: "done", reason: null };
  const state = sermonViewState(item.sermon.status);
  return {
    state,
    reason:
      state === "failed"
        ? describeStageFailure(
            item.sermon.failedStage ?? "transcode",
            item.sermon.failureReason ?? "Processing failed.",
          )
        : null,
  };
}

/** A handed-off item follows its sermon: done once searchable, failed when a stage gave up. */
function sermonViewState(status: SermonStatus): ItemViewState {
  if (isStopped(status)) return "failed";
  return status === "searchable" ? "done" : "processing";
}
