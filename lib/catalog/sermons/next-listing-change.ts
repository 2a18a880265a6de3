import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { getDb } from "@/lib/platform/db/client";
import { publiclyVisibleWhere } from "./sermon-visibility";

/**
 * When what listeners see of these sermons will change with no write to say so (ms since the
 * epoch), for the listener cache (`lib/catalog/listener-cache/`):
 * - now, while one that listeners can see has its media being prepared (status `processing`):
 *   the transcode opens it to listeners part-way through its step, and the step's write is
 *   announced only when the step ends;
 * - otherwise the time the next scheduled one goes out;
 * - null when only a write can change it.
 */
export async function nextListingChange(
  where: Prisma.SermonWhereInput,
  now: Date,
): Promise<number | null> {
  const db = getDb();
  const [preparing, scheduled] = await Promise.all([
    db.sermon.findFirst({
      where: { AND: [where, publiclyVisibleWhere(now), { status: "processing" }] },
      select: { id: true },
    }),
    db.sermon.findFirst({
      where: { AND: [where, { publishState: "scheduled", publishAt: { gt: now } }] },
      orderBy: { publishAt: "asc" },
      select: { publishAt: true },
    }),
  ]);
  if (preparing) return now.getTime();
  return scheduled?.publishAt?.getTime() ?? null;
}
