import type { Db } from "@/lib/platform/db/client";
import { forgetMediaAccess } from "./media-access-cache";
import { CATALOG_TAG, churchTag } from "./cache-tags";
import { expireListenerTags } from "./expire-listener-tags";

/**
 * After a write that changes what a church's listener pages or the home page show: a
 * sermon's details, publishing or media; a speaker, a series; the church's settings; a
 * sermon's media starting or stopping to be prepared. Call it once the write is committed.
 * Also forgets the media route's remembered lookups, so what may be played changes at once.
 */
export async function invalidateChurchPages(db: Db, churchId: string): Promise<void> {
  forgetMediaAccess();
  const church = await db.church.findUnique({ where: { id: churchId }, select: { slug: true } });
  expireListenerTags(church ? [churchTag(church.slug), CATALOG_TAG] : [CATALOG_TAG]);
}
