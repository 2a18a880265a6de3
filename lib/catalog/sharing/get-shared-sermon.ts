import { getDb, type Db } from "@/lib/platform/db/client";
import { getSermonPageData, type SermonPageData } from "@/lib/catalog/queries";

/** A sermon's slugs by its id; null for no such sermon. Slugs never change once made. */
export async function findSermonAddress(
  db: Db,
  sermonId: string,
): Promise<{ churchSlug: string; sermonSlug: string } | null> {
  const row = await db.sermon.findUnique({
    where: { id: sermonId },
    select: { slug: true, church: { select: { slug: true } } },
  });
  return row ? { churchSlug: row.church.slug, sermonSlug: row.slug } : null;
}

/**
 * A shared sermon's page data (the embed, the preview image, oEmbed), by slugs or by id:
 * the sermon page's own cached query, so only what listeners may see (published, or
 * scheduled and its time come) is found, and writes expire it as they do the page.
 */
export async function getSharedSermon(
  ref: { churchSlug: string; sermonSlug: string } | { sermonId: string },
): Promise<SermonPageData | null> {
  const address = "sermonId" in ref ? await findSermonAddress(getDb(), ref.sermonId) : ref;
  if (!address) return null;
  return getSermonPageData(address.churchSlug, address.sermonSlug);
}
