import type { FeedImportStatus } from "@/lib/platform/db/generated/prisma/enums";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

/** Statuses of an import still under way. */
export const UNFINISHED_STATUSES: FeedImportStatus[] = ["queued", "reading", "importing"];

/**
 * An unfinished import untouched this long has stopped (its run was lost): a new import of the
 * feed may start, and take over its items. A working import touches itself at least every
 * minute (each item's progress; a fetch that stalls a minute is given up).
 */
export const STOPPED_AFTER_MS = 60 * 60 * 1000;

/** Imports still working: unfinished and touched within STOPPED_AFTER_MS. */
export const workingImportWhere = (now = new Date()): Prisma.FeedImportWhereInput => ({
  status: { in: UNFINISHED_STATUSES },
  updatedAt: { gt: new Date(now.getTime() - STOPPED_AFTER_MS) },
});

export const isWorkingImport = (
  feedImport: { status: FeedImportStatus; updatedAt: Date },
  now = new Date(),
) =>
  UNFINISHED_STATUSES.includes(feedImport.status) &&
  feedImport.updatedAt.getTime() > now.getTime() - STOPPED_AFTER_MS;
