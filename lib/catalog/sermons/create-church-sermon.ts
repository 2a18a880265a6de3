import { getDb } from "@/lib/platform/db/client";
import { saveSermon } from "./save-sermon";
import type { SermonInput } from "./sermon-input";

/**
 * For the admin API: a new sermon of this church through `saveSermon` (its checks, and the
 * listener pages it expires) on this process's database. Returns its id and its slug.
 */
export async function createChurchSermon(
  churchId: string,
  input: SermonInput,
): Promise<{ id: string; slug: string }> {
  const db = getDb();
  const id = await saveSermon(db, churchId, null, input);
  const { slug } = await db.sermon.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  return { id, slug };
}
