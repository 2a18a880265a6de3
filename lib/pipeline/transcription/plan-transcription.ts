import type {
  TranscriptionEnv,
  TranscriptionProviderName,
} from "@/lib/platform/config/transcription-env";
import type { Db } from "@/lib/platform/db/client";
import { chooseProvider } from "./choose-provider";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";

export type TranscriptionPlan = { provider: TranscriptionProviderName } | { skipped: string };

/** Which transcriber this run uses, or why it has nothing to do (a newer upload replaced it). */
export async function planTranscription(
  db: Db,
  version: SermonVersion,
  env: Pick<TranscriptionEnv, "TRANSCRIPTION_PROVIDER">,
): Promise<TranscriptionPlan> {
  const sermon = await db.sermon.findFirst({
    where: { id: version.sermonId, churchId: version.churchId },
    select: { mediaVersion: true, transcriptionProvider: true },
  });
  if (!sermon) return { skipped: "the sermon no longer exists" };
  if (sermon.mediaVersion !== version.mediaVersion)
    return { skipped: "a newer upload replaced this one" };
  return { provider: chooseProvider(sermon, env) };
}
