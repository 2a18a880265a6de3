import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

export interface ListenerSermonSummary {
  /** Names it to the player's queue (app/api/playable-sermons). */
  id: string;
  slug: string;
  title: string;
  church: { slug: string; name: string };
  speaker: { slug: string; name: string } | null;
  series: { slug: string; title: string } | null;
  preachedOn: Date | null;
  durationMs: number | null;
  passages: string[];
}

export const summarySelect = {
  id: true,
  slug: true,
  title: true,
  preachedOn: true,
  durationMs: true,
  church: { select: { slug: true, name: true } },
  speaker: { select: { slug: true, name: true } },
  series: { select: { slug: true, title: true } },
  scriptureRefs: {
    where: { source: "main" },
    orderBy: { startKey: "asc" },
    select: { text: true },
  },
} satisfies Prisma.SermonSelect;

type SummaryRow = Prisma.SermonGetPayload<{ select: typeof summarySelect }>;

export const toSummary = (row: SummaryRow): ListenerSermonSummary => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  church: row.church,
  speaker: row.speaker,
  series: row.series,
  preachedOn: row.preachedOn,
  durationMs: row.durationMs,
  passages: row.scriptureRefs.map((ref) => ref.text),
});

/** Newest first: by the day it was preached, then when it went out, then when it was made. */
export const newestFirst = [
  { preachedOn: { sort: "desc", nulls: "last" } },
  { publishAt: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
] satisfies Prisma.SermonOrderByWithRelationInput[];
