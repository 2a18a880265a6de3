import { sermonManuscriptChanged } from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { Db } from "@/lib/platform/db/client";
import { manuscriptDigest } from "./manuscript-digest";

/**
 * After a sermon is saved: if it is transcribed and its manuscript is not the one its
 * transcript was aligned with, asks for the alignment to run again (`sermon/manuscript.changed`,
 * through the outbox). The event's id names the manuscript, so saving the same text twice asks
 * once. A sermon still being transcribed picks its manuscript up in that run. Returns the
 * event's id, or null when nothing needs aligning.
 */
export async function requestManuscriptAlignment(
  db: Db,
  sermonRef: { churchId: string; sermonId: string },
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const sermon = await tx.sermon.findFirst({
      where: {
        id: sermonRef.sermonId,
        churchId: sermonRef.churchId,
        status: { in: ["transcribed", "searchable"] },
        mediaVersion: { gte: 1 },
      },
      select: {
        manuscript: true,
        mediaVersion: true,
        transcriptionProvider: true,
        transcripts: { where: { isCurrent: true }, select: { wordsKey: true } },
      },
    });
    if (!sermon || sermon.transcriptionProvider === "provided") return null;
    const digest = manuscriptDigest(sermon.manuscript);
    const current = sermon.transcripts[0]?.wordsKey ?? "";
    const isAlignedAlready = sermon.manuscript
      ? current.includes(`-manuscript-${digest}/`)
      : !current.includes("-manuscript-");
    if (isAlignedAlready) return null;
    const event = sermonManuscriptChanged.build({
      ...sermonRef,
      mediaVersion: sermon.mediaVersion,
      // Timed: the same text attached again after a removal is a new request.
      requestId: `${digest}-${Date.now().toString(36)}`,
    });
    return (await publishEvent(tx, event)) ? event.id : null;
  });
}
