import { isPubliclyVisible } from "@/lib/catalog/sermons/sermon-visibility";
import { MediaAccessCache } from "@/lib/catalog/listener-cache/media-access-cache";
import type { Db } from "@/lib/platform/db/client";
import type { PublishState } from "@/lib/platform/db/generated/prisma/enums";

/** What counting a sermon's plays needs to know about it. */
export interface CountedSermon {
  churchId: string;
  durationMs: number;
  publishState: PublishState;
  publishAt: Date | null;
  hasStream: boolean;
}

/** Listeners can play it (published or its time has come, with a stream) and its length is known. */
export const isCountable = (sermon: CountedSermon, now: Date) =>
  sermon.hasStream && sermon.durationMs > 0 && isPubliclyVisible(sermon, now);

const globalForLookup = globalThis as unknown as {
  selahCountedSermons?: MediaAccessCache<CountedSermon>;
};

// Beacons arrive every few seconds per listener: a minute's memory of a countable sermon saves
// a query each (only answers that let a report through are reused, as for media). Each query
// is one more statement a search may wait behind on the embedded database: at 80 beacons a
// second over 500 sermons, a 5 s memory still looked up ~80 sermons a second. The cost of
// the longer memory: reports for a sermon unpublished meanwhile count for up to a minute more.
const processCache = () =>
  (globalForLookup.selahCountedSermons ??= new MediaAccessCache<CountedSermon>({
    ttlMs: 60_000,
    maxStaleMs: 120_000,
    maxEntries: 10_000,
  }));

/** The sermons a beacon names that may be counted now; others are left out. */
export async function countableSermons(
  db: Db,
  sermonIds: readonly string[],
  now: Date,
  cache: MediaAccessCache<CountedSermon> | null = processCache(),
): Promise<Map<string, CountedSermon>> {
  // Raw SQL: this runs for beacons by the dozen a second, and Prisma's nested select costs the
  // web process far more than the database spends answering it.
  const load = async (id: string): Promise<CountedSermon | null> => {
    const [sermon] = await db.$queryRaw<CountedSermon[]>`
      SELECT s."churchId", COALESCE(s."durationMs", 0)::int AS "durationMs",
        s."publishState"::text AS "publishState", s."publishAt",
        EXISTS (SELECT 1 FROM "MediaAsset" m
          WHERE m."sermonId" = s.id AND m.kind = 'master_playlist') AS "hasStream"
      FROM "Sermon" s WHERE s.id = ${id}`;
    return sermon ?? null;
  };
  const found = new Map<string, CountedSermon>();
  for (const id of new Set(sermonIds)) {
    const sermon = cache
      ? await cache.lookup(
          id,
          () => load(id),
          (value) => isCountable(value, now),
        )
      : await load(id);
    if (sermon && isCountable(sermon, now)) found.set(id, sermon);
  }
  return found;
}
