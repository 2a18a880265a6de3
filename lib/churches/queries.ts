import { getDb } from "@/lib/db/client";

export type ChurchSummary = {
  slug: string;
  name: string;
  description: string | null;
  sermonCount: number;
  speakerCount: number;
  seriesCount: number;
};

export async function listChurches(): Promise<ChurchSummary[]> {
  const churches = await getDb().church.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      description: true,
      _count: { select: { sermons: { where: { publishState: "published" } }, speakers: true, series: true } },
    },
  });
  return churches.map(({ _count, ...church }) => ({
    ...church,
    sermonCount: _count.sermons,
    speakerCount: _count.speakers,
    seriesCount: _count.series,
  }));
}
