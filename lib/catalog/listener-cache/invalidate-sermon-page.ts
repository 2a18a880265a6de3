import type { Db } from "@/lib/platform/db/client";
import { churchFeedsTag, sermonTag } from "./cache-tags";
import { expireListenerTags } from "./expire-listener-tags";

/**
 * After a write that changes only what the sermon's own page shows: its transcript, captions
 * and spoken scripture (and so the transcript links of its church's podcast feeds). Call it
 * once the write is committed.
 */
export async function invalidateSermonPage(db: Db, sermonId: string): Promise<void> {
  const sermon = await db.sermon.findUnique({
    where: { id: sermonId },
    select: { slug: true, church: { select: { slug: true } } },
  });
  if (sermon)
    expireListenerTags([
      sermonTag(sermon.church.slug, sermon.slug),
      churchFeedsTag(sermon.church.slug),
    ]);
}
