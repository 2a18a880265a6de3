import type { Db } from "@/lib/platform/db/client";

const ROLL_UP_TIMEOUT_MS = 5 * 60_000;

/**
 * Recomputes the per-day rollups (SermonListeningDay, ChurchListeningDay) of every day that
 * still has raw events, from those events, replacing what was there: run as often as wanted,
 * the answer is the same (a repeated or re-sent report changes nothing, as everything counts
 * distinct listener hashes). Days whose raw events were purged keep their rollups. Reports of
 * sermons deleted since they arrived are deleted first.
 *
 * Per sermon and day: plays = listeners who started it (once each, however often they did),
 * uniqueListeners = listeners with any report, completions = listeners who reached the end,
 * retention[b] = listeners whose reported stretches covered the b-th 1% of the sermon (seeking
 * past a part leaves it uncovered), completionSum = Σ over listeners of the share they covered.
 */
export async function rollUpListening(db: Db): Promise<{ days: number }> {
  // A background job: a busy day's reports (100,000 take ~3 s here) may outlast the client's
  // default transaction timeout, which is sized for requests.
  return db.$transaction(
    async (tx) => {
      // PlayEvent has no foreign key (it is a log: schema.prisma), so a deleted sermon's
      // reports stay until here; they go before they can be counted.
      await tx.$executeRaw`
      DELETE FROM "PlayEvent" e WHERE NOT EXISTS (SELECT 1 FROM "Sermon" s WHERE s.id = e."sermonId")`;
      const days = await tx.$queryRaw<{ day: Date }[]>`
      SELECT DISTINCT "day" FROM "PlayEvent"`;
      if (days.length === 0) return { days: 0 };
      const list = days.map((row) => row.day);
      await tx.$executeRaw`DELETE FROM "SermonListeningDay" WHERE "day" = ANY(${list}::date[])`;
      await tx.$executeRaw`DELETE FROM "ChurchListeningDay" WHERE "day" = ANY(${list}::date[])`;
      await tx.$executeRaw`
      WITH spans AS (
        SELECT e."sermonId", e."day", e."listenerHash", e."fromMs" AS f, e."positionMs" AS p,
               s."durationMs"::float8 AS d
        FROM "PlayEvent" e JOIN "Sermon" s ON s."id" = e."sermonId"
        WHERE e."kind" IN ('progress', 'complete') AND e."fromMs" IS NOT NULL
          AND e."positionMs" > e."fromMs" AND s."durationMs" > 0
      ),
      covered AS (
        SELECT DISTINCT "sermonId", "day", "listenerHash", b
        FROM spans,
          generate_series(
            LEAST(99, FLOOR(f * 100 / d)::int),
            LEAST(99, CEIL(p * 100 / d)::int - 1)
          ) AS b
      ),
      per_bucket AS (
        SELECT "sermonId", "day", b, COUNT(*)::int AS n FROM covered GROUP BY 1, 2, 3
      ),
      per_sermon_cover AS (
        SELECT "sermonId", "day", COUNT(*)::float8 / 100 AS share_sum FROM covered GROUP BY 1, 2
      ),
      -- One hash join and one grouping build every curve; a subquery per sermon-day would scan
      -- all the buckets again for each one.
      curves AS (
        SELECT k."sermonId", k."day", array_agg(COALESCE(pb.n, 0) ORDER BY g) AS retention
        FROM (SELECT DISTINCT "sermonId", "day" FROM "PlayEvent") k
        CROSS JOIN generate_series(0, 99) AS g
        LEFT JOIN per_bucket pb ON pb."sermonId" = k."sermonId" AND pb."day" = k."day" AND pb.b = g
        GROUP BY 1, 2
      ),
      counts AS (
        SELECT "churchId", "sermonId", "day",
          COUNT(DISTINCT "listenerHash") FILTER (WHERE "kind" = 'play')::int AS plays,
          COUNT(DISTINCT "listenerHash")::int AS listeners,
          COUNT(DISTINCT "listenerHash") FILTER (WHERE "kind" = 'complete')::int AS completions
        FROM "PlayEvent" GROUP BY 1, 2, 3
      )
      INSERT INTO "SermonListeningDay"
        ("sermonId", "day", "churchId", "plays", "uniqueListeners", "completions",
         "completionSum", "retention")
      SELECT c."sermonId", c."day", c."churchId", c.plays, c.listeners, c.completions,
        COALESCE(cov.share_sum, 0), cu.retention
      FROM counts c
      JOIN curves cu ON cu."sermonId" = c."sermonId" AND cu."day" = c."day"
      LEFT JOIN per_sermon_cover cov ON cov."sermonId" = c."sermonId" AND cov."day" = c."day"`;
      await tx.$executeRaw`
      INSERT INTO "ChurchListeningDay" ("churchId", "day", "plays", "uniqueListeners")
      SELECT "churchId", "day",
        COUNT(DISTINCT ("sermonId", "listenerHash")) FILTER (WHERE "kind" = 'play')::int,
        COUNT(DISTINCT "listenerHash")::int
      FROM "PlayEvent" GROUP BY 1, 2`;
      return { days: list.length };
    },
    { timeout: ROLL_UP_TIMEOUT_MS },
  );
}
