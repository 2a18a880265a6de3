import type { CaptionFormat } from "@/lib/pipeline/transcription/captions/parse-captions";
import { parseCaptions } from "@/lib/pipeline/transcription/captions/parse-captions";
import { writeWebVtt } from "@/lib/pipeline/transcription/captions/write-webvtt";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { sermonVersionPrefix } from "@/lib/catalog/sermons/sermon-version";
import {
  confirmTranscribed,
  PROVIDED,
  type StoredTranscript,
  storeTranscript,
} from "./store-transcript";
import {
  putText,
  type TranscriptStorage,
  writeWordsFile,
} from "@/lib/catalog/transcripts/transcript-files";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { transcriptFileKeys } from "@/lib/catalog/transcripts/transcript-keys";
import { VTT_CONTENT_TYPE } from "./write-captions-file";

/** The sermon has no processed audio to time captions against yet. */
export class NoAudioForCaptionsError extends AppError {
  override name = "NoAudioForCaptionsError";
  constructor() {
    super(
      "no_audio_for_captions",
      "Upload the sermon's audio first: captions are timed against it.",
    );
  }
}

export interface ProvidedTranscript extends StoredTranscript {
  format: CaptionFormat;
}

/**
 * An admin's WebVTT or SRT file becomes the sermon's transcript, replacing the machine one:
 * parsed strictly (CaptionsRejectedError names the line), cue times kept, the sermon switched
 * to the `provided` provider so a later machine run leaves it alone, then stored like any
 * transcript. Each upload gets its own files, so older transcripts keep theirs as history.
 * While the audio is still being processed the transcript waits, unannounced, for the
 * transcription stage to adopt it (`adoptProvidedTranscript`); after that it goes to search
 * indexing at once.
 */
export async function storeProvidedTranscript(
  deps: { db: Db; storage: TranscriptStorage },
  sermonRef: { churchId: string; sermonId: string },
  data: Uint8Array,
  now = new Date(),
): Promise<ProvidedTranscript> {
  const { format, cues } = parseCaptions(data);
  const sermon = await deps.db.sermon.findFirst({
    where: { id: sermonRef.sermonId, churchId: sermonRef.churchId },
    select: { mediaVersion: true },
  });
  if (!sermon || sermon.mediaVersion < 1) throw new NoAudioForCaptionsError();
  const version: SermonVersion = { ...sermonRef, mediaVersion: sermon.mediaVersion };
  await deps.db.sermon.update({
    where: { id: sermonRef.sermonId },
    data: { transcriptionProvider: PROVIDED },
  });

  const keys = transcriptFileKeys(version, `${PROVIDED}-${now.getTime().toString(36)}`);
  const transcript = {
    provider: PROVIDED,
    model: format,
    language: null,
    confidence: null,
    segments: cues,
  };
  await writeWordsFile(deps.storage, keys.wordsKey, { ...transcript, words: [] });
  await putText(deps.storage, keys.vttKey, writeWebVtt(cues), VTT_CONTENT_TYPE);
  const stored = await storeTranscript(deps.db, version, transcript, keys);
  // A newer upload raced this one; the caller asks again against the new version.
  if (!stored) throw new NoAudioForCaptionsError();
  return { ...stored, format };
}

/**
 * `sermon/transcription.requested` for a sermon whose transcript is provided: adopt an
 * uploaded transcript of this media version if there is one (it may have arrived while the
 * audio was processing); otherwise there is nothing to do until the admin uploads one.
 */
export async function adoptProvidedTranscript(
  db: Db,
  version: SermonVersion,
): Promise<string | null> {
  const prefix = `${sermonVersionPrefix(version)}/`;
  return db.$transaction(async (tx) => {
    const current = await tx.transcript.findFirst({
      where: {
        sermonId: version.sermonId,
        isCurrent: true,
        provider: PROVIDED,
        wordsKey: { startsWith: prefix },
      },
      select: { id: true },
    });
    if (!current) return null;
    await confirmTranscribed(tx, version, current.id);
    return current.id;
  });
}
