import {
  cachedForListeners,
  type ListenerData,
} from "@/lib/catalog/listener-cache/cached-for-listeners";
import { CATALOG_TAG } from "@/lib/catalog/listener-cache/cache-tags";
import { nextListingChange } from "@/lib/catalog/sermons/next-listing-change";
import { playableWhere } from "@/lib/catalog/sermons/sermon-visibility";
import { getDb } from "@/lib/platform/db/client";

export type ChurchSummary = {
  slug: string;
  name: string;
  description: string | null;
  sermonCount: number;
  speakerCount: number;
  seriesCount: number;
};

async function loadChurches(): Promise<ListenerData<ChurchSummary[]>> {
  const now = new Date();
  const [churches, validUntil] = await Promise.all([
    getDb().church.findMany({
      orderBy: { name: "asc" },
      select: {
        slug: true,
        name: true,
        description: true,
        _count: {
          select: { sermons: { where: playableWhere(now) }, speakers: true, series: true },
        },
      },
    }),
    nextListingChange({}, now),
  ]);
  const value = churches.map(({ _count, ...church }) => ({
    ...church,
    sermonCount: _count.sermons,
    speakerCount: _count.speakers,
    seriesCount: _count.series,
  }));
  return { value, validUntil };
}

/**
 * Every church with what a listener can find there: playable sermons, speakers, series.
 * From the listener cache, under CATALOG_TAG (the home page's).
 */
export const listChurches = cachedForListeners("churches", () => [CATALOG_TAG], loadChurches);
