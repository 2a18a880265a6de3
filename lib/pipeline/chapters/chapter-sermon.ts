import {
  type AutoChaptersOutcome,
  replaceAutoChapters,
} from "@/lib/catalog/chapters/replace-auto-chapters";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import type { Db } from "@/lib/platform/db/client";
import { findChapters } from "./find-chapters";
import { currentTranscriptText } from "@/lib/catalog/transcripts/current-transcript-text";

export type ChapterSermonResult =
  | { outcome: AutoChaptersOutcome; chapterCount: number; transcriptId: string }
  | { outcome: "skipped"; reason: string };

/**
 * Divides the version's current transcript into chapters (`findChapters`) and makes them the
 * sermon's automatic chapters; an admin's chapters are kept instead. A run for a version a
 * newer upload replaced, or a sermon without a transcript, changes nothing.
 */
export async function chapterSermon(db: Db, version: SermonVersion): Promise<ChapterSermonResult> {
  const sermon = await db.sermon.findFirst({
    where: { id: version.sermonId, churchId: version.churchId },
    select: {
      mediaVersion: true,
      durationMs: true,
      scriptureRefs: {
        orderBy: { atMs: "asc" },
        select: { source: true, text: true, atMs: true, startKey: true, endKey: true },
      },
      transcripts: currentTranscriptText,
    },
  });
  if (!sermon) return { outcome: "skipped", reason: "the sermon no longer exists" };
  if (sermon.mediaVersion !== version.mediaVersion)
    return { outcome: "skipped", reason: "a newer upload replaced this version" };
  const transcript = sermon.transcripts[0];
  if (!transcript) return { outcome: "skipped", reason: "the sermon has no transcript" };
  const chapters = findChapters({
    durationMs: sermon.durationMs,
    segments: transcript.segments,
    spoken: sermon.scriptureRefs.flatMap((ref) =>
      ref.source === "spoken" && ref.atMs !== null ? [{ ...ref, atMs: ref.atMs }] : [],
    ),
    main: sermon.scriptureRefs.filter((ref) => ref.source === "main"),
  });
  const outcome = await replaceAutoChapters(db, version.sermonId, transcript.id, chapters);
  return { outcome, chapterCount: chapters.length, transcriptId: transcript.id };
}
