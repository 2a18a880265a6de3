import { createDb, type Db } from "@/lib/platform/db/client";
import { startTestServices, type TestServices } from "./embedded-services";

export interface ChurchDatabase {
  services: TestServices;
  db: Db;
  churchId: string;
  stop: () => Promise<void>;
}

/** The embedded services, a client on their database (`connections` at most) and one church. */
export async function startChurchDatabase(
  churchSlug: string,
  connections?: number,
): Promise<ChurchDatabase> {
  const services = await startTestServices();
  const db = createDb(services.database.url, connections);
  const churchId = (await db.church.create({ data: { slug: churchSlug, name: churchSlug } })).id;
  return {
    services,
    db,
    churchId,
    stop: async () => {
      await db.$disconnect();
      await services.stop();
    },
  };
}
