import { sermonVersionPrefix, type SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import type { Db } from "@/lib/platform/db/client";
import type { MachineProvider } from "../transcribe-sermon-audio";

const MACHINE_PROVIDERS: readonly MachineProvider[] = ["deepgram", "openai", "local"];

/**
 * Which recogniser transcribed this version most recently (its words file is what a manuscript
 * is aligned against), or null when none did: captions were uploaded, or it is not transcribed.
 */
export async function findMachineTranscript(
  db: Db,
  version: SermonVersion,
): Promise<MachineProvider | null> {
  const sermon = await db.sermon.findFirst({
    where: { id: version.sermonId, churchId: version.churchId, mediaVersion: version.mediaVersion },
    select: { transcriptionProvider: true },
  });
  if (!sermon || sermon.transcriptionProvider === "provided") return null;
  const latest = await db.transcript.findFirst({
    where: {
      sermonId: version.sermonId,
      provider: { in: [...MACHINE_PROVIDERS] },
      wordsKey: { startsWith: `${sermonVersionPrefix(version)}/` },
    },
    orderBy: { createdAt: "desc" },
    select: { provider: true },
  });
  return (MACHINE_PROVIDERS as readonly string[]).includes(latest?.provider ?? "")
    ? (latest?.provider as MachineProvider)
    : null;
}
