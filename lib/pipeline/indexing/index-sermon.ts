import { sermonIndexed } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { embedInBatches } from "@/lib/search/embeddings/embed-in-batches";
import type { Embedder } from "@/lib/search/embeddings/embedder";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { type ChunkRow, replaceChunks, storeChunkVectors } from "@/lib/search/chunk-sql";
import { chunkTranscript } from "./chunk-transcript";
import { momentConfidence } from "./moment-confidence";
import { embeddingInput, momentContext } from "./moment-context";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { currentTranscriptText } from "@/lib/catalog/transcripts/current-transcript-text";

export type IndexSermonResult =
  | { isIndexed: true; chunkCount: number; transcriptId: string; model: string }
  | { isIndexed: false; reason: string };

/** The sermon has no current transcript: nothing to index until transcription succeeds (no retry helps). */
export class MissingTranscriptError extends AppError {
  override name = "MissingTranscriptError";
  constructor(sermonId: string) {
    super(
      "conflict",
      `Sermon ${sermonId} has no current transcript to index; transcribe it first.`,
    );
  }
}

// A sermon being indexed is at least streamable; later uploads (processing) or a failure
// belong to another run, which will index again when its transcript lands.
const INDEXABLE_STATUSES = ["streamable", "transcribed", "searchable"] as const;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };
const NOT_SEARCHABLE: IndexSermonResult = {
  isIndexed: false,
  reason: "the sermon is not in a state that can be searched",
};

/**
 * Chunks the sermon's current transcript into moments and embeds them (before any
 * transaction: embedding calls are slow and the embedded database serves one transaction at a
 * time). Then, in short transactions: the sermon's moments are replaced by the new ones' text
 * (a search running meanwhile sees the old moments or the new, never none or a mix), their
 * vectors stored a few at a time (storeChunkVectors: a search waits for one batch at most,
 * not for the sermon), and the sermon marked searchable with `sermon/indexed` published.
 * A run for a media version a newer upload replaced does nothing.
 */
export async function indexSermon(
  deps: { db: Db; embedder: Embedder },
  version: SermonVersion,
): Promise<IndexSermonResult> {
  const { db, embedder } = deps;
  const sermon = await db.sermon.findUnique({
    where: { id: version.sermonId },
    select: {
      churchId: true,
      mediaVersion: true,
      title: true,
      speaker: { select: { name: true } },
      scriptureRefs: {
        where: { source: "main" },
        orderBy: { startKey: "asc" },
        select: { text: true },
      },
      transcripts: currentTranscriptText,
    },
  });
  if (!sermon || sermon.churchId !== version.churchId)
    return { isIndexed: false, reason: "the sermon no longer exists" };
  if (sermon.mediaVersion !== version.mediaVersion)
    return { isIndexed: false, reason: "a newer upload replaced this version" };
  const transcript = sermon.transcripts[0];
  if (!transcript) throw new MissingTranscriptError(version.sermonId);

  const context = momentContext({
    title: sermon.title,
    speakerName: sermon.speaker?.name ?? null,
    mainPassage: sermon.scriptureRefs.map((ref) => ref.text).join("; ") || null,
  });
  const moments = chunkTranscript(transcript.segments);
  const vectors = await embedInBatches(
    embedder,
    moments.map((moment) => embeddingInput(context, moment.text)),
  );
  const rows: ChunkRow[] = moments.map((moment) => ({
    ...moment,
    confidence: momentConfidence(transcript.segments, moment),
    context,
  }));

  const isCurrent = {
    id: version.sermonId,
    mediaVersion: version.mediaVersion,
    status: { in: [...INDEXABLE_STATUSES] },
  };
  const ids = await db.$transaction(
    async (tx) =>
      (await tx.sermon.count({ where: isCurrent })) === 0 ? null : replaceChunks(tx, version, rows),
    TRANSACTION_OPTIONS,
  );
  if (!ids) return NOT_SEARCHABLE;
  await storeChunkVectors(db, embedder.model, ids, vectors);
  const isMarked = await db.$transaction(async (tx) => {
    const { count } = await tx.sermon.updateMany({
      where: isCurrent,
      data: { status: "searchable" },
    });
    if (count === 0) return false;
    // Stable id per media version: a re-index of the same upload does not announce again.
    await publishEvent(tx, sermonIndexed.build({ ...version, chunkCount: rows.length }));
    return true;
  }, TRANSACTION_OPTIONS);
  if (!isMarked) return NOT_SEARCHABLE;
  return {
    isIndexed: true,
    chunkCount: rows.length,
    transcriptId: transcript.id,
    model: embedder.model,
  };
}
