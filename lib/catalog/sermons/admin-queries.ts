import type { Db } from "@/lib/platform/db/client";

export const listSermonsForAdmin = (db: Db, churchId: string) =>
  db.sermon.findMany({
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

export const getSermonForAdmin = (db: Db, churchId: string, sermonId: string) =>
  db.sermon.findFirst({
    where: { id: sermonId, churchId },
    include: {
      scriptureRefs: { where: { source: "main" }, orderBy: { startKey: "asc" } },
      speaker: { select: { name: true } },
      series: { select: { title: true } },
    },
  });
