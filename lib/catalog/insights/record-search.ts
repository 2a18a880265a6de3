import { isbot } from "isbot";
import { getDb } from "@/lib/platform/db/client";
import { webLogger } from "@/lib/platform/telemetry/logger";
import { processListenerHasher, type RequestOrigin } from "./daily-listener-hasher";
import { createSearchQueryLog, type SearchQueryLog } from "./search-query-log";

const globalForSearches = globalThis as unknown as { selahSearchQueryLog?: SearchQueryLog };

/**
 * Counts a listener's search for the insights of the church it was limited to (or of the
 * churches it found); crawlers are not counted. Never in the search's way: the write happens
 * once the query settles (search-query-log.ts), and a failure is only logged.
 */
export async function recordSearch(search: {
  query: string;
  churchSlug?: string;
  foundChurchSlugs: string[];
  origin: RequestOrigin;
}): Promise<void> {
  if (isbot(search.origin.userAgent ?? "")) return;
  const slugs = search.churchSlug ? [search.churchSlug] : [...new Set(search.foundChurchSlugs)];
  if (slugs.length === 0) return;
  const db = getDb();
  const churches = await db.church.findMany({
    where: { slug: { in: slugs } },
    select: { id: true },
  });
  globalForSearches.selahSearchQueryLog ??= createSearchQueryLog(db, {
    onError: (error) => webLogger().warn({ err: error }, "search not counted for insights"),
  });
  globalForSearches.selahSearchQueryLog.record({
    client: processListenerHasher().hash(search.origin, "search"),
    query: search.query,
    churchIds: churches.map((church) => church.id),
    found: search.foundChurchSlugs.length,
  });
}
