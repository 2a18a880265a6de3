import { getDb } from "@/lib/platform/db/client";

/** Clears this listener's history: one sermon's saved place, or (no sermon) all of it. */
export async function forgetProgress(listenerId: string, sermonId?: string): Promise<number> {
  const { count } = await getDb().playbackProgress.deleteMany({
    where: { listenerId, ...(sermonId === undefined ? {} : { sermonId }) },
  });
  return count;
}
