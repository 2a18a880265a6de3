import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/text/slugify";

export interface ListenerSermonSummary {
  slug: string;
  title: string;
  church: { slug: string; name: string };
  speaker: { slug: string; name: string } | null;
  series: { slug: string; title: string } | null;
  preachedOn: Date | null;
  durationMs: number | null;
  passages: string[];
}

/**
 * Speakers have no slug column, so their page address comes from the name. Names are unique
 * per church; two that differ only in case or punctuation share a slug and are treated as one
 * speaker by the listener pages (in practice they are the same person entered twice).
 */
export const speakerSlug = (name: string): string => slugify(name);

export const summarySelect = {
  slug: true,
  title: true,
  preachedOn: true,
  durationMs: true,
  church: { select: { slug: true, name: true } },
  speaker: { select: { name: true } },
  series: { select: { slug: true, title: true } },
  scriptureRefs: {
    where: { source: "main" },
    orderBy: { startKey: "asc" },
    select: { text: true },
  },
} satisfies Prisma.SermonSelect;

type SummaryRow = Prisma.SermonGetPayload<{ select: typeof summarySelect }>;

export const toSummary = (row: SummaryRow): ListenerSermonSummary => ({
  slug: row.slug,
  title: row.title,
  church: row.church,
  speaker: row.speaker ? { slug: speakerSlug(row.speaker.name), name: row.speaker.name } : null,
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
