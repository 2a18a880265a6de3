// npm run db:seed — creates the demo church (idempotent).
import { createDb } from "@/lib/platform/db/client";
import { seedDemoChurch } from "@/lib/catalog/churches/seed-demo-church";
import { runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";

await runCli(async () => {
  await withDatabase(async (url) => {
    const db = createDb(url, 1);
    try {
      const { isNew } = await seedDemoChurch(db);
      console.log(
        isNew
          ? "Created the demo church Grace Chapel."
          : "The demo church already exists; nothing to do.",
      );
    } finally {
      await db.$disconnect();
    }
  });
});
