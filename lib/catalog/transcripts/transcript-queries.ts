import { getDb } from "@/lib/platform/db/client";

/** The admin editor's view: the sermon, its current transcript with segments and their edit counts. */
export async function getTranscriptForAdmin(churchId: string, sermonId: string) {
  const sermon = await getDb().sermon.findFirst({
    where: { id: sermonId, churchId },
    select: {
      id: true,
      title: true,
      status: true,
      mediaVersion: true,
      transcriptionProvider: true,
      _count: { select: { transcripts: true } },
      transcripts: {
        where: { isCurrent: true },
        take: 1,
        select: {
          id: true,
          provider: true,
          model: true,
          language: true,
          confidence: true,
          createdAt: true,
          segments: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              startMs: true,
              endMs: true,
              speaker: true,
              text: true,
              source: true,
              confidence: true,
              _count: { select: { edits: true } },
            },
          },
        },
      },
    },
  });
  if (!sermon) return null;
  const { transcripts, _count, ...rest } = sermon;
  return { ...rest, transcriptCount: _count.transcripts, transcript: transcripts[0] ?? null };
}

export type AdminTranscript = NonNullable<Awaited<ReturnType<typeof getTranscriptForAdmin>>>;

/** The provider name of transcripts an admin uploaded (captions, a feed's transcript). */
const UPLOADED = "provided";

/**
 * What a listener's transcript panel needs: the current transcript's segments with their
 * confidence, its spoken scripture references, whether captions exist, and whether it is an
 * automatic transcript (a recogniser's words, not uploaded captions nor a manuscript's).
 * Callers check the sermon is visible.
 */
export async function getTranscriptForListener(sermonId: string) {
  const db = getDb();
  const [transcript, spoken] = await Promise.all([
    db.transcript.findFirst({
      where: { sermonId, isCurrent: true },
      select: {
        provider: true,
        vttKey: true,
        segments: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            startMs: true,
            endMs: true,
            speaker: true,
            text: true,
            scripture: true,
            source: true,
            confidence: true,
            wordConfidences: true,
          },
        },
      },
    }),
    db.scriptureRef.findMany({
      where: { sermonId, source: "spoken", atMs: { not: null } },
      orderBy: { atMs: "asc" },
      select: { text: true, atMs: true },
    }),
  ]);
  if (!transcript) return null;
  return {
    provider: transcript.provider,
    isAutomatic:
      transcript.provider !== UPLOADED &&
      !transcript.segments.some((segment) => segment.source === "manuscript"),
    hasCaptions: transcript.vttKey !== null,
    segments: transcript.segments,
    verses: spoken.map((ref) => ({ text: ref.text, atMs: ref.atMs ?? 0 })),
  };
}

export type ListenerTranscript = NonNullable<Awaited<ReturnType<typeof getTranscriptForListener>>>;
