import { DEMO_CHURCH_SLUG } from "@/lib/catalog/churches/seed-demo-church";
import { followSermonProcessing } from "@/lib/pipeline/progress/follow-sermon-processing";
import { addSermonFromFiles } from "@/lib/pipeline/upload/add-sermon-from-files";
import { isStopped } from "@/lib/pipeline/stages";
import type { Db } from "@/lib/platform/db/client";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import type { DemoSermon } from "./demo-sermon";
import { renderSpokenSermon } from "./render-spoken-sermon";

interface Deps {
  db: Db;
  storage: MediaStorage;
  /** UPLOAD_MAX_BYTES. */
  maxBytes: number;
  /** Where rendered audio is kept (under the data directory), so a restart does not render again. */
  cacheDir: string;
}

interface SeedOptions {
  /** Each step, for the console ('Demo sermon 2 of 5, "…": reading it aloud'). */
  onProgress?: (line: string) => void;
}

export interface SeededSermon {
  title: string;
  sermonId: string;
  /** "added" when this call uploaded it, "found" when an earlier start had. */
  origin: "added" | "found";
  /** Why the pipeline stopped on it; null once it is searchable. */
  failure: string | null;
}

/**
 * Gives the demo church its sermons the way an admin would: each text read aloud into audio,
 * then added with its manuscript and published through the upload flow, so the real pipeline
 * (outbox, queue, worker, functions) transcodes, transcribes, aligns and indexes it. One at a
 * time, each followed until it is searchable before the next is added, so the first can be
 * played and searched within minutes instead of all of them at the end. A sermon an earlier
 * start added is followed, not added again; one whose upload never finished is added anew.
 */
export async function seedDemoSermons(
  deps: Deps,
  sermons: readonly DemoSermon[],
  { onProgress }: SeedOptions = {},
): Promise<SeededSermon[]> {
  const { db } = deps;
  const church = await db.church.findUniqueOrThrow({
    where: { slug: DEMO_CHURCH_SLUG },
    select: { id: true },
  });
  const seeded: SeededSermon[] = [];
  for (const [index, sermon] of sermons.entries()) {
    const say = (line: string) =>
      onProgress?.(`Demo sermon ${index + 1} of ${sermons.length}, "${sermon.title}": ${line}`);
    const existing = await db.sermon.findFirst({
      where: { churchId: church.id, title: sermon.title },
      select: { id: true, status: true, mediaVersion: true },
    });
    if (existing && existing.mediaVersion === 0)
      await db.sermon.deleteMany({ where: { id: existing.id, churchId: church.id } });
    let sermonId: string;
    let origin: SeededSermon["origin"];
    if (existing && existing.mediaVersion > 0) {
      if (existing.status === "searchable" || isStopped(existing.status)) continue;
      sermonId = existing.id;
      origin = "found";
    } else {
      say("reading it aloud");
      const audioPath = await renderSpokenSermon(sermon.paragraphs, deps.cacheDir);
      say("uploading");
      const added = await addSermonFromFiles(
        { db, storage: deps.storage, maxBytes: deps.maxBytes },
        {
          churchSlug: DEMO_CHURCH_SLUG,
          fields: {
            title: sermon.title,
            preachedOn: sermon.preachedOn,
            description: sermon.description,
            scripture: sermon.mainPassage,
            manuscript: sermon.paragraphs.join("\n\n"),
            publishState: "published",
          },
          speaker: sermon.speaker,
          series: sermon.series,
          audioPath,
        },
      );
      sermonId = added.id;
      origin = "added";
    }
    const outcome = await followSermonProcessing(
      db,
      { churchId: church.id, sermonId },
      { onProgress: say },
    );
    say(outcome.failure ? `stopped: ${outcome.failure}` : "ready");
    seeded.push({ title: sermon.title, sermonId, origin, failure: outcome.failure });
  }
  return seeded;
}
