import type { Db } from "@/lib/platform/db/client";
import { utcDay } from "./utc-day";

/** A finished search as the insights count it: normalised words, where it looked, what it found. */
export interface LoggedSearch {
  /** Who asked, as the day's listener hash: only to tell typing from a new search, in memory. */
  client: string;
  query: string;
  /** The church the search was limited to, or the churches whose sermons it found. */
  churchIds: string[];
  found: number;
}

/** Lower case, single spaces, at most 200 characters: "Grace  Alone" and "grace alone" are one query. */
export const normaliseQuery = (query: string) =>
  query.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 200);

/**
 * Counts searches per church and day (SearchQueryDay) without anyone's identity. The search
 * page asks as the listener types, so a query is counted once it settles: a newer search from
 * the same client within `settleMs` replaces the pending one ("gra", "grace", "grace alone" is
 * one search for "grace alone"), and only what was pending for `settleMs` is written. A search
 * that found nothing is also a zero-result search for the church it was limited to (a search
 * across all churches that found nothing belongs to none and is not kept).
 */
export function createSearchQueryLog(
  db: Db,
  options: { settleMs?: number; now?: () => Date; onError?: (error: unknown) => void } = {},
) {
  const settleMs = options.settleMs ?? 8_000;
  const now = options.now ?? (() => new Date());
  const pending = new Map<string, { search: LoggedSearch; timer: NodeJS.Timeout }>();

  const write = async (search: LoggedSearch) => {
    const query = normaliseQuery(search.query);
    if (!query) return;
    const day = utcDay(now());
    const zero = search.found === 0 ? 1 : 0;
    for (const churchId of new Set(search.churchIds))
      await db.$executeRaw`
        INSERT INTO "SearchQueryDay" ("churchId", "day", "query", "searches", "zeroResults")
        VALUES (${churchId}, ${day}, ${query}, 1, ${zero})
        ON CONFLICT ("churchId", "day", "query") DO UPDATE SET
          "searches" = "SearchQueryDay"."searches" + 1,
          "zeroResults" = "SearchQueryDay"."zeroResults" + ${zero}`;
  };
  const settle = (client: string) => {
    const entry = pending.get(client);
    if (!entry) return Promise.resolve();
    pending.delete(client);
    clearTimeout(entry.timer);
    return write(entry.search).catch((error: unknown) => options.onError?.(error));
  };

  return {
    record(search: LoggedSearch): void {
      const previous = pending.get(search.client);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => void settle(search.client), settleMs);
      timer.unref?.();
      pending.set(search.client, { search, timer });
    },
    /** Writes every pending search now (tests; a shutdown). */
    async flush(): Promise<void> {
      await Promise.all([...pending.keys()].map(settle));
    },
  };
}

export type SearchQueryLog = ReturnType<typeof createSearchQueryLog>;
