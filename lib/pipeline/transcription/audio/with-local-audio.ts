import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/platform/db/client";
import { downloadObject } from "@/lib/platform/storage/download-object";
import { type SermonVersion, sermonVersionPrefix } from "@/lib/catalog/sermons/sermon-version";
import { getText, type TranscriptStorage } from "@/lib/catalog/transcripts/transcript-files";
import { TranscriptionRejectedError } from "../transcription-errors";
import type { LocalAudio } from "./local-audio";

const silencesSchema = z.array(z.object({ startMs: z.number(), endMs: z.number() }));

export interface NormalisedAudio {
  audioKey: string;
  silenceKey: string | undefined;
  durationMs: number;
}

/** The version's download rendition and silence map, as the processing stage recorded them. */
export async function findNormalisedAudio(
  db: Db,
  version: SermonVersion,
): Promise<NormalisedAudio> {
  const prefix = `${sermonVersionPrefix(version)}/`;
  const sermon = await db.sermon.findFirst({
    where: { id: version.sermonId, churchId: version.churchId },
    select: {
      durationMs: true,
      mediaAssets: {
        where: { kind: { in: ["download", "silence_map"] }, key: { startsWith: prefix } },
      },
    },
  });
  const audio = sermon?.mediaAssets.find((asset) => asset.kind === "download");
  if (!sermon || !audio) {
    throw new TranscriptionRejectedError(
      "The sermon has no processed audio for this upload; process the upload again, then transcribe.",
    );
  }
  return {
    audioKey: audio.key,
    silenceKey: sermon.mediaAssets.find((asset) => asset.kind === "silence_map")?.key,
    durationMs: audio.durationMs ?? sermon.durationMs ?? 0,
  };
}

/** Runs `run` on a local copy of the audio and its silences, removed afterwards. */
export async function withLocalAudio<T>(
  deps: { storage: TranscriptStorage; workRoot?: string },
  media: NormalisedAudio,
  run: (audio: LocalAudio) => Promise<T>,
): Promise<T> {
  const workDir = await mkdtemp(join(deps.workRoot ?? tmpdir(), "selah-transcribe-"));
  try {
    const path = join(workDir, "audio.m4a");
    await downloadObject(deps.storage.s3, deps.storage.bucket, media.audioKey, path);
    const silences = media.silenceKey
      ? silencesSchema.parse(JSON.parse(await getText(deps.storage, media.silenceKey)))
      : [];
    return await run({ path, durationMs: media.durationMs, silences });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
