import { sermonReindexRequested } from "@/lib/pipeline/events/pipeline-events";
import { writeWebVtt } from "@/lib/pipeline/transcription/captions/write-webvtt";
import { invalidateSermonPage } from "@/lib/catalog/listener-cache/invalidate-sermon-page";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { findSpokenScripture } from "./find-spoken-scripture";
import { putText, type TranscriptStorage } from "@/lib/catalog/transcripts/transcript-files";
import { VTT_CONTENT_TYPE } from "./write-captions-file";

export const MAX_SEGMENT_CHARS = 5000;

/** The segment is not part of this church's sermon's current transcript (or is gone). */
export class SegmentNotFoundError extends AppError {
  override name = "SegmentNotFoundError";
  constructor() {
    super("segment_not_found", "That part of the transcript no longer exists; reload the page.");
  }
}

export interface SegmentCorrection {
  churchId: string;
  sermonId: string;
  segmentId: string;
  text: string;
  editedById: string | null;
}

/**
 * An admin's correction of one segment: the new text with the old kept as history
 * (TranscriptSegmentEdit) and `sermon/reindex.requested` in the outbox, in one transaction,
 * so search re-indexes exactly when the correction exists. The captions and spoken scripture
 * references are then rebuilt from the corrected segments, and the sermon's listener page
 * invalidated. A corrected machine segment counts as certain from then on. Returns false for
 * no change.
 */
export async function correctSegment(
  deps: { db: Db; storage: TranscriptStorage },
  correction: SegmentCorrection,
): Promise<boolean> {
  const text = correction.text.replace(/\s+/g, " ").trim();
  const edited = await deps.db.$transaction(async (tx) => {
    const segment = await tx.transcriptSegment.findFirst({
      where: {
        id: correction.segmentId,
        transcript: {
          isCurrent: true,
          sermonId: correction.sermonId,
          sermon: { churchId: correction.churchId },
        },
      },
      select: {
        id: true,
        text: true,
        confidence: true,
        transcriptId: true,
        transcript: { select: { sermon: { select: { mediaVersion: true } } } },
      },
    });
    if (!segment) throw new SegmentNotFoundError();
    if (segment.text === text) return null;
    // Checked by a person, a recognised segment is no longer in doubt (captions stay unmeasured).
    await tx.transcriptSegment.update({
      where: { id: segment.id },
      data: { text, confidence: segment.confidence === null ? null : 1, wordConfidences: [] },
    });
    const edit = await tx.transcriptSegmentEdit.create({
      data: {
        segmentId: segment.id,
        previousText: segment.text,
        newText: text,
        editedById: correction.editedById,
      },
    });
    await publishEvent(
      tx,
      sermonReindexRequested.build({
        sermonId: correction.sermonId,
        churchId: correction.churchId,
        mediaVersion: segment.transcript.sermon.mediaVersion,
        requestId: `edit-${edit.id}`,
      }),
    );
    return segment.transcriptId;
  });
  if (!edited) return false;
  await rebuildFromSegments(deps, correction.sermonId, edited);
  await invalidateSermonPage(deps.db, correction.sermonId);
  return true;
}

/** Captions and spoken references follow the segments' text; rebuilt outside the edit's transaction. */
async function rebuildFromSegments(
  deps: { db: Db; storage: TranscriptStorage },
  sermonId: string,
  transcriptId: string,
): Promise<void> {
  const transcript = await deps.db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: {
      vttKey: true,
      segments: {
        orderBy: { position: "asc" },
        select: { startMs: true, endMs: true, speaker: true, text: true },
      },
    },
  });
  if (transcript.vttKey)
    await putText(
      deps.storage,
      transcript.vttKey,
      writeWebVtt(transcript.segments),
      VTT_CONTENT_TYPE,
    );
  const spoken = findSpokenScripture(transcript.segments);
  // Passages snapped to the Bible's text were found by their words and times, not by a
  // mention in the text, so a correction keeps them.
  await deps.db.$transaction([
    deps.db.scriptureRef.deleteMany({ where: { sermonId, source: "spoken", snapped: false } }),
    deps.db.scriptureRef.createMany({
      data: spoken.map((passage) => ({ sermonId, source: "spoken" as const, ...passage })),
    }),
  ]);
}
