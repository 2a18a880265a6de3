import { clientAddressOf } from "@/lib/platform/auth/client-address";
import type { Db } from "@/lib/platform/db/client";
import { webLogger } from "@/lib/platform/telemetry/logger";
import { processListenerHasher, type DailyListenerHasher } from "./daily-listener-hasher";
import { utcDay } from "./utc-day";

/**
 * Counts a download of a sermon's file by a podcast app (the feeds' enclosure): the first
 * request of a download (a whole GET or a Range from byte 0; a player's later ranges
 * and HEADs are the same download), once a day per client (its address and user agent, hashed
 * under the day's secret and kept only in memory). Counted apart from web plays, in
 * FeedDownloadDay. Never in the way of serving: the write runs after, and a failure is logged.
 */
export function countFeedDownload(
  db: Db,
  request: Request,
  sermon: { id: string; churchId: string },
  options: { now?: Date; hasher?: DailyListenerHasher } = {},
): Promise<void> | undefined {
  if (request.method !== "GET") return undefined;
  // Selah's own pages fetch the file too (the player, Download for offline, the M4A link), and
  // a browser says where a request comes from; podcast apps send no Sec-Fetch-Site at all.
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "same-site" || site === "none") return undefined;
  const range = request.headers.get("range");
  if (range && !/^bytes=0-/.test(range.trim())) return undefined;
  const hasher = options.hasher ?? processListenerHasher();
  const origin = {
    address: clientAddressOf(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
  if (!hasher.firstToday(origin, `download:${sermon.id}`)) return undefined;
  const day = utcDay(options.now ?? new Date());
  return db.$executeRaw`
    INSERT INTO "FeedDownloadDay" ("sermonId", "day", "churchId", "downloads")
    VALUES (${sermon.id}, ${day}, ${sermon.churchId}, 1)
    ON CONFLICT ("sermonId", "day") DO UPDATE SET "downloads" = "FeedDownloadDay"."downloads" + 1`.then(
    () => undefined,
    (error: unknown) =>
      webLogger().warn({ err: error, sermonId: sermon.id }, "feed download not counted"),
  );
}
