import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

/**
 * A sermon's current transcript with its segments' times, text and confidence, in order: what the
 * pipeline's later stages (indexing, chapters) read, as the `transcripts` field of a sermon
 * query. At most one transcript is current; the newest wins should two ever be.
 */
export const currentTranscriptText = {
  where: { isCurrent: true },
  orderBy: { createdAt: "desc" },
  take: 1,
  select: {
    id: true,
    segments: {
      orderBy: { position: "asc" },
      select: { startMs: true, endMs: true, text: true, confidence: true },
    },
  },
} as const satisfies Prisma.Sermon$transcriptsArgs;
