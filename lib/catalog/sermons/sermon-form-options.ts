import { getDb } from "@/lib/platform/db/client";

/** Speakers and series offered by the sermon form. */
export async function sermonFormOptions(churchId: string) {
  const db = getDb();
  const [speakers, series] = await Promise.all([
    db.speaker.findMany({
      where: { churchId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.series.findMany({
      where: { churchId },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return {
    speakers: speakers.map((speaker) => ({ id: speaker.id, label: speaker.name })),
    series: series.map((item) => ({ id: item.id, label: item.title })),
  };
}
