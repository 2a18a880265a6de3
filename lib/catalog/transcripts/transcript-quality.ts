import type { Db } from "@/lib/platform/db/client";
import { CONFIDENCE_THRESHOLDS } from "./confidence-thresholds";

/** How trustworthy a sermon's current transcript reads, for its church's admins. */
export type TranscriptQuality = {
  sermonId: string;
  /** The segments' confidence weighted by duration, 0–1; null when nothing was measured. */
  quality: number | null;
  /** Segments the listener sees dimmed or as "[unclear]": where a correction helps most. */
  uncertainSegments: number;
  /** Below CONFIDENCE_THRESHOLDS.reviewBelow: worth an admin's read through. */
  needsReview: boolean;
};

/**
 * The quality estimate of every current transcript of a church's sermons, keyed by sermon.
 * Uploaded captions and transcripts stored before confidence was kept have no estimate and
 * never need review; a manuscript's words count as certain, so an aligned sermon scores high.
 */
export async function transcriptQuality(
  db: Db,
  churchId: string,
  thresholds: Pick<
    typeof CONFIDENCE_THRESHOLDS,
    "dimBelow" | "reviewBelow"
  > = CONFIDENCE_THRESHOLDS,
): Promise<Map<string, TranscriptQuality>> {
  const rows = await db.$queryRaw<
    Array<{ sermonId: string; quality: number | null; uncertain: number }>
  >`
    SELECT t."sermonId",
      sum(s.confidence * greatest(1, s."endMs" - s."startMs"))
        / nullif(sum(greatest(1, s."endMs" - s."startMs")) FILTER (WHERE s.confidence IS NOT NULL), 0)
        AS quality,
      (count(*) FILTER (WHERE s.confidence < ${thresholds.dimBelow}))::int AS uncertain
    FROM "Transcript" t
    JOIN "Sermon" m ON m.id = t."sermonId"
    JOIN "TranscriptSegment" s ON s."transcriptId" = t.id
    WHERE t."isCurrent" AND m."churchId" = ${churchId}
    GROUP BY t."sermonId"`;
  return new Map(
    rows.map((row) => {
      const quality = row.quality === null ? null : Number(row.quality);
      return [
        row.sermonId,
        {
          sermonId: row.sermonId,
          quality,
          uncertainSegments: row.uncertain,
          needsReview: quality !== null && quality < thresholds.reviewBelow,
        },
      ];
    }),
  );
}
