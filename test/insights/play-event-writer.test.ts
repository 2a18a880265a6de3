import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDailyListenerHasher } from "@/lib/catalog/insights/daily-listener-hasher";
import { ingestPlayEvents } from "@/lib/catalog/insights/ingest-play-events";
import { rollUpListening } from "@/lib/catalog/insights/roll-up-listening";
import type { CountedSermon } from "@/lib/catalog/insights/playable-sermon-lookup";
import { MediaAccessCache } from "@/lib/catalog/listener-cache/media-access-cache";
import type { Db } from "@/lib/platform/db/client";
import { type ChurchDatabase, startChurchDatabase } from "@/test/support/church-database";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
const hasher = createDailyListenerHasher();

let database: ChurchDatabase;
let db: Db;

async function addSermon(slug: string) {
  const sermon = await db.sermon.create({
    data: {
      churchId: database.churchId,
      slug,
      title: slug,
      durationMs: 600_000,
      status: "searchable",
      mediaVersion: 1,
      publishState: "published",
    },
  });
  await db.mediaAsset.create({
    data: {
      sermonId: sermon.id,
      kind: "master_playlist",
      key: `churches/${database.churchId}/sermons/${sermon.id}/v1/master.m3u8`,
      contentType: "application/vnd.apple.mpegurl",
    },
  });
  return sermon.id;
}

/** The same database client, counting the INSERT statements the beacons cost. */
function countingInserts(client: Db) {
  const counter = { inserts: 0 };
  const counted = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "$executeRaw" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        counter.inserts++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, counter };
}

const beaconOf = (sermonId: string, listener: number) => ({
  events: [
    { sermonId, kind: "play", positionMs: 0 },
    { sermonId, kind: "progress", fromMs: 0, positionMs: 60_000 },
    { sermonId, kind: "progress", fromMs: 60_000, positionMs: 120_000 },
  ],
  origin: { address: `192.0.2.${listener}`, userAgent: BROWSER },
  hasher,
});

beforeAll(async () => {
  database = await startChurchDatabase("writer");
  db = database.db;
}, 600_000);

afterAll(async () => {
  await database?.stop();
});

describe("storing beacons", () => {
  it("stores every report of beacons that arrive together, with a few statements between them", async () => {
    const sermonId = await addSermon("together");
    const sermonCache = new MediaAccessCache<CountedSermon>({
      ttlMs: 60_000,
      maxStaleMs: 60_000,
      maxEntries: 100,
    });
    const { db: counted, counter } = countingInserts(db);
    await ingestPlayEvents(counted, { ...beaconOf(sermonId, 1), sermonCache });
    expect(counter.inserts).toBe(1);

    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ingestPlayEvents(counted, { ...beaconOf(sermonId, 10 + i), sermonCache }),
      ),
    );
    expect(outcomes.every((outcome) => outcome.accepted === 3 && outcome.ignored === 0)).toBe(true);
    // Once answered, each beacon's reports are in the database.
    expect(await db.playEvent.count({ where: { sermonId } })).toBe(41 * 3);
    expect(await db.playEvent.count({ where: { sermonId, kind: "play" } })).toBe(41);
    expect(counter.inserts - 1).toBeLessThanOrEqual(4);
    const hashes = await db.playEvent.findMany({
      where: { sermonId },
      distinct: ["listenerHash"],
      select: { listenerHash: true },
    });
    expect(hashes).toHaveLength(41);
  });

  it("stores every beacon when a sermon is deleted while its lookup is remembered; the rollup forgets its reports", async () => {
    const [kept, deleted] = [await addSermon("kept"), await addSermon("deleted")];
    const sermonCache = new MediaAccessCache<CountedSermon>({
      ttlMs: 60_000,
      maxStaleMs: 60_000,
      maxEntries: 100,
    });
    // Both remembered as countable, then one is deleted behind the cache's back.
    await ingestPlayEvents(db, { ...beaconOf(kept, 100), sermonCache });
    await ingestPlayEvents(db, { ...beaconOf(deleted, 101), sermonCache });
    await db.sermon.delete({ where: { id: deleted } });

    const outcomes = await Promise.allSettled([
      ingestPlayEvents(db, { ...beaconOf(deleted, 102), sermonCache }),
      ingestPlayEvents(db, { ...beaconOf(kept, 103), sermonCache }),
      ingestPlayEvents(db, { ...beaconOf(deleted, 104), sermonCache }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(await db.playEvent.count({ where: { sermonId: kept } })).toBe(6);
    // Its reports went in with the others (no foreign key to fail the shared statement)…
    expect(await db.playEvent.count({ where: { sermonId: deleted } })).toBe(9);
    // …and are gone after the next rollup, which counts only the kept sermon.
    await rollUpListening(db);
    expect(await db.playEvent.count({ where: { sermonId: deleted } })).toBe(0);
    expect(await db.playEvent.count({ where: { sermonId: kept } })).toBe(6);
    expect(await db.sermonListeningDay.count({ where: { sermonId: deleted } })).toBe(0);
    expect(await db.sermonListeningDay.count({ where: { sermonId: kept } })).toBe(1);
  });
});
