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

/** Every church with what a listener can find there: playable sermons, speakers, series. */
export async function listChurches(now = new Date()): Promise<ChurchSummary[]> {
  const churches = await getDb().church.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      description: true,
      _count: { select: { sermons: { where: playableWhere(now) }, speakers: true, series: true } },
    },
  });
  return churches.map(({ _count, ...church }) => ({
    ...church,
    sermonCount: _count.sermons,
    speakerCount: _count.speakers,
    seriesCount: _count.series,
  }));
}
