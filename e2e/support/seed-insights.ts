// A month of listening for a church, written as the rollup job would have left it (straight to
// the database, as a CLI's write). `node --import tsx e2e/support/seed-insights.ts <church>`
// prints the seeded totals as JSON.
import { createDb } from "@/lib/platform/db/client";
import { utcDay } from "@/lib/catalog/insights/utc-day";
import { withDatabase } from "@/scripts/cli/with-database";

const [churchSlug] = process.argv.slice(2);
if (!churchSlug) throw new Error("Usage: seed-insights <church>");
await withDatabase(async (url) => {
  const db = createDb(url, 1);
  try {
    const church = await db.church.findUniqueOrThrow({ where: { slug: churchSlug } });
    const sermon = await db.sermon.upsert({
      where: { churchId_slug: { churchId: church.id, slug: "insights-seeded" } },
      create: {
        churchId: church.id,
        slug: "insights-seeded",
        title: "Seeded: The Sower",
        durationMs: 1_800_000,
        status: "searchable",
        publishState: "published",
      },
      update: {},
    });
    await db.chapter.deleteMany({ where: { sermonId: sermon.id } });
    await db.chapter.createMany({
      data: [
        { sermonId: sermon.id, startMs: 0, title: "Reading" },
        { sermonId: sermon.id, startMs: 600_000, title: "The soils" },
        { sermonId: sermon.id, startMs: 1_200_000, title: "Response" },
      ],
    });
    let plays = 0;
    const days = Array.from({ length: 30 }, (_, i) => utcDay(new Date(), -i));
    for (const [i, day] of days.entries()) {
      const listeners = 10 + ((i * 7) % 13);
      plays += listeners;
      const retention = Array.from({ length: 100 }, (_, b) =>
        Math.max(0, Math.round(listeners * (1 - b / 140)) - (b >= 33 && b < 40 ? 2 : 0)),
      );
      const row = {
        churchId: church.id,
        plays: listeners,
        uniqueListeners: listeners,
        completions: Math.floor(listeners / 3),
        completionSum: listeners * 0.62,
        retention,
      };
      await db.sermonListeningDay.upsert({
        where: { sermonId_day: { sermonId: sermon.id, day } },
        create: { sermonId: sermon.id, day, ...row },
        update: row,
      });
      await db.churchListeningDay.upsert({
        where: { churchId_day: { churchId: church.id, day } },
        create: { churchId: church.id, day, plays: listeners, uniqueListeners: listeners },
        update: { plays: listeners, uniqueListeners: listeners },
      });
    }
    await db.searchQueryDay.upsert({
      where: { churchId_day_query: { churchId: church.id, day: days[0]!, query: "sower seed" } },
      create: { churchId: church.id, day: days[0]!, query: "sower seed", searches: 4 },
      update: { searches: 4 },
    });
    await db.searchQueryDay.upsert({
      where: { churchId_day_query: { churchId: church.id, day: days[1]!, query: "tithing" } },
      create: { churchId: church.id, day: days[1]!, query: "tithing", searches: 3, zeroResults: 3 },
      update: { searches: 3, zeroResults: 3 },
    });
    console.log(JSON.stringify({ plays, days: days.length }));
  } finally {
    await db.$disconnect();
  }
});
