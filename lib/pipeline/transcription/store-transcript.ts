import {
  retryEventId,
  sermonReindexRequested,
  sermonTranscribed,
} from "@/lib/pipeline/events/pipeline-events";
import { invalidateSermonPage } from "@/lib/catalog/listener-cache/invalidate-sermon-page";
import type { Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { countResends } from "@/lib/pipeline/recovery/stage-event";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { findSpokenScripture } from "./find-spoken-scripture";
import type { MachineTranscript, TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import { measureSegmentConfidence } from "./measure-segment-confidence";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

/** The provider name of transcripts an admin uploaded. */
export const PROVIDED = "provided";

export interface StoredTranscript {
  transcriptId: string;
  segmentCount: number;
  spokenRefCount: number;
}

type Tx = Prisma.TransactionClient;

/**
 * Makes a transcript the sermon's current one, in one short transaction: the previous current
 * transcript kept as history, segments, spoken scripture references (replaced), the captions
 * and words files recorded as media assets, the sermon marked transcribed, and the event that
 * sends it to search indexing (those two only once its audio is processed: `markTranscribed`).
 * Returns null when a newer upload replaced this version, or when
 * this is a machine transcript and the admin uploaded captions while it was being made.
 * A retried step finds its own transcript already current and changes nothing. The sermon's
 * listener page is invalidated. Each segment keeps the confidence of the `words` it was made
 * from (none given, as for uploaded captions: no confidence).
 */
export async function storeTranscript(
  db: Db,
  version: SermonVersion,
  transcript: Omit<MachineTranscript, "words"> & { words?: readonly TranscriptWord[] },
  keys: { wordsKey: string; vttKey: string },
): Promise<StoredTranscript | null> {
  // Parsing happens before the transaction: the embedded database serves one at a time.
  const segments = measureSegmentConfidence(transcript.segments, transcript.words ?? []);
  const spoken = [...findSpokenScripture(transcript.segments), ...(transcript.scripture ?? [])];
  const stored = await db.$transaction(async (tx): Promise<StoredTranscript | null> => {
    const sermon = await tx.sermon.findFirst({
      where: {
        id: version.sermonId,
        churchId: version.churchId,
        mediaVersion: version.mediaVersion,
      },
      select: {
        id: true,
        transcriptionProvider: true,
        transcripts: {
          where: { isCurrent: true },
          select: { id: true, wordsKey: true, vttKey: true },
        },
      },
    });
    if (!sermon) return null;
    if (sermon.transcriptionProvider === PROVIDED && transcript.provider !== PROVIDED) return null;
    const already = sermon.transcripts.find(
      (t) => t.wordsKey === keys.wordsKey && t.vttKey === keys.vttKey,
    );
    if (already) {
      await confirmTranscribed(tx, version, already.id);
      return {
        transcriptId: already.id,
        segmentCount: transcript.segments.length,
        spokenRefCount: spoken.length,
      };
    }

    await tx.transcript.updateMany({
      where: { sermonId: sermon.id, isCurrent: true },
      data: { isCurrent: false },
    });
    const created = await tx.transcript.create({
      data: {
        sermonId: sermon.id,
        provider: transcript.provider,
        model: transcript.model,
        language: transcript.language,
        confidence: transcript.confidence,
        isCurrent: true,
        wordsKey: keys.wordsKey,
        vttKey: keys.vttKey,
      },
    });
    await tx.transcriptSegment.createMany({
      data: segments.map((segment, position) => ({
        transcriptId: created.id,
        position,
        ...segment,
      })),
    });
    await tx.scriptureRef.deleteMany({ where: { sermonId: sermon.id, source: "spoken" } });
    await tx.scriptureRef.createMany({
      data: spoken.map((passage) => ({
        sermonId: sermon.id,
        source: "spoken" as const,
        ...passage,
      })),
    });
    await tx.mediaAsset.deleteMany({
      where: { sermonId: sermon.id, kind: { in: ["captions", "words"] } },
    });
    await tx.mediaAsset.createMany({
      data: [
        {
          sermonId: sermon.id,
          kind: "words" as const,
          key: keys.wordsKey,
          contentType: "application/json",
        },
        {
          sermonId: sermon.id,
          kind: "captions" as const,
          key: keys.vttKey,
          contentType: "text/vtt",
        },
      ],
    });
    await markTranscribed(tx, version, created.id);
    return {
      transcriptId: created.id,
      segmentCount: transcript.segments.length,
      spokenRefCount: spoken.length,
    };
  });
  if (stored) await invalidateSermonPage(db, version.sermonId);
  return stored;
}

/**
 * Where a sermon may move to `transcribed` from: its media recorded and waiting for a transcript
 * (`streamable` with the transcode done: a sermon turns streamable part-way through its
 * transcode, and `recordProcessedMedia` sets the figure to 100 as it requests transcription;
 * no figure means no transcode is under way), or a failed transcription.
 */
const AWAITING_TRANSCRIPT: Prisma.SermonWhereInput[] = [
  { status: "streamable", OR: [{ transcodePercent: null }, { transcodePercent: { gte: 100 } }] },
  { status: "failed", failedStage: "transcribe" },
];

/**
 * For a transcript just made current: moves the sermon to `transcribed` and asks search to
 * index it, both or neither. The first transcript of a media version is `sermon/transcribed`;
 * a replacement asks search to re-index instead, since that event's id is taken. A sermon
 * whose audio is still being processed (captions uploaded meanwhile) keeps its status and gets
 * no event: `sermon/transcribed` has one id per version, so it must not be spent before indexing
 * can take it. The transcription stage adopts the transcript when processing requests it
 * (`confirmTranscribed`).
 */
export async function markTranscribed(
  tx: Tx,
  version: SermonVersion,
  transcriptId: string,
): Promise<void> {
  const isMoved = await moveToTranscribed(tx, version, [
    ...AWAITING_TRANSCRIPT,
    { status: { in: ["transcribed", "searchable"] } },
  ]);
  if (!isMoved) return;
  const isFirst = Boolean(
    await publishEvent(tx, sermonTranscribed.build({ ...version, transcriptId })),
  );
  if (!isFirst) {
    await publishEvent(
      tx,
      sermonReindexRequested.build({ ...version, requestId: `transcript-${transcriptId}` }),
    );
  }
}

/**
 * For a transcript already current (captions uploaded while the audio was processing, adopted
 * by the transcription stage; or a retried step): a sermon waiting for its transcript moves to
 * `transcribed` and gets `sermon/transcribed`, a deliberate re-send if the version's was sent
 * before (the sermon came back to transcription through a Retry). A sermon already transcribed
 * or searchable is left as it is: its transcript was announced, and indexing it is done or under
 * way; moving it back would leave it `transcribed` with no event to index it again.
 */
export async function confirmTranscribed(
  tx: Tx,
  version: SermonVersion,
  transcriptId: string,
): Promise<void> {
  if (!(await moveToTranscribed(tx, version, AWAITING_TRANSCRIPT))) return;
  const event = sermonTranscribed.build({ ...version, transcriptId });
  if (await publishEvent(tx, event)) return;
  const resends = await countResends(tx, event);
  await publishEvent(tx, { ...event, id: retryEventId(event.id, resends + 1) });
}

/** Sets `transcribed` on this version of the sermon if its status matches one of `from`. */
async function moveToTranscribed(
  tx: Tx,
  version: SermonVersion,
  from: Prisma.SermonWhereInput[],
): Promise<boolean> {
  const { count } = await tx.sermon.updateMany({
    where: {
      id: version.sermonId,
      churchId: version.churchId,
      mediaVersion: version.mediaVersion,
      OR: from,
    },
    data: { status: "transcribed", failedStage: null, failureReason: null },
  });
  return count > 0;
}
