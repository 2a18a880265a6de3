import { getDb } from "@/lib/platform/db/client";

/** The admin's sermon list: every sermon of the church, newest first, with its status. */
export const listSermonsForAdmin = (churchId: string) =>
  getDb().sermon.findMany({
    where: { churchId },
    orderBy: [{ preachedOn: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      publishState: true,
      publishAt: true,
      preachedOn: true,
      durationMs: true,
      failureReason: true,
      speaker: { select: { name: true } },
      series: { select: { title: true } },
    },
  });

/** The sermon editor's sermon, with its main passages; null if it is not this church's. */
export const getSermonForAdmin = (churchId: string, sermonId: string) =>
  getDb().sermon.findFirst({
    where: { id: sermonId, churchId },
    include: {
      scriptureRefs: { where: { source: "main" }, orderBy: { startKey: "asc" } },
      speaker: { select: { name: true } },
      series: { select: { title: true } },
    },
  });
