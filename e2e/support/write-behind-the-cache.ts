// A write from outside the web app, as a CLI's would be: straight to the database, expiring no
// listener cache. `node --import tsx e2e/support/write-behind-the-cache.ts <church> <sermon> <title>`
import { createDb } from "@/lib/platform/db/client";
import { withDatabase } from "@/scripts/cli/with-database";

const [churchSlug, sermonSlug, title] = process.argv.slice(2);
if (!churchSlug || !sermonSlug || !title)
  throw new Error("Usage: write-behind-the-cache <church> <sermon> <title>");
await withDatabase(async (url) => {
  const db = createDb(url, 1);
  try {
    const { count } = await db.sermon.updateMany({
      where: { slug: sermonSlug, church: { slug: churchSlug } },
      data: { title },
    });
    if (count !== 1) throw new Error(`No sermon ${churchSlug}/${sermonSlug}`);
  } finally {
    await db.$disconnect();
  }
});
