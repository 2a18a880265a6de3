import { isbot } from "isbot";
import type { Db } from "@/lib/platform/db/client";
import { type DailyListenerHasher, type RequestOrigin } from "./daily-listener-hasher";
import type { PlayEventRow } from "./insert-play-events";
import { playEventSchema } from "./play-event-batch";
import { playEventWriterFor } from "./play-event-writer";
import { countableSermons, type CountedSermon } from "./playable-sermon-lookup";
import type { MediaAccessCache } from "@/lib/catalog/listener-cache/media-access-cache";
import { utcDay } from "./utc-day";

export interface IngestOutcome {
  accepted: number;
  ignored: number;
}

/**
 * Stores a beacon's reports as raw events under today's listener hash (per church), nothing
 * else about the client. Ignored: a bot's beacon (isbot's list of crawler user agents), reports
 * that are malformed, for a sermon that does not exist, is not published or has no stream;
 * positions past the sermon's end are clamped to it. Repeats are stored but count once: the
 * rollup counts distinct listeners (roll-up-listening.ts).
 */
export async function ingestPlayEvents(
  db: Db,
  input: {
    events: readonly unknown[];
    origin: RequestOrigin;
    hasher: DailyListenerHasher;
    now?: Date;
    sermonCache?: MediaAccessCache<CountedSermon> | null;
  },
): Promise<IngestOutcome> {
  const { events, origin, hasher } = input;
  const now = input.now ?? new Date();
  if (isbot(origin.userAgent ?? "")) return { accepted: 0, ignored: events.length };
  const reports = events.flatMap((event) => {
    const parsed = playEventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
  const sermons = await countableSermons(
    db,
    reports.map((report) => report.sermonId),
    now,
    input.sermonCache,
  );
  const day = utcDay(now);
  // One hash a church a beacon: the origin and the day are the same for all its reports.
  const hashes = new Map<string, string>();
  const listenerHash = (churchId: string) => {
    let hash = hashes.get(churchId);
    if (hash === undefined)
      hashes.set(churchId, (hash = hasher.hash(origin, `church:${churchId}`)));
    return hash;
  };
  const rows = reports.flatMap((report): PlayEventRow[] => {
    const sermon = sermons.get(report.sermonId);
    if (!sermon) return [];
    const clamp = (ms: number) => Math.min(ms, sermon.durationMs);
    return [
      {
        churchId: sermon.churchId,
        sermonId: report.sermonId,
        day,
        listenerHash: listenerHash(sermon.churchId),
        kind: report.kind,
        fromMs: report.fromMs === undefined ? null : clamp(report.fromMs),
        positionMs: clamp(report.positionMs),
      },
    ];
  });
  await playEventWriterFor(db).write(rows);
  return { accepted: rows.length, ignored: events.length - rows.length };
}
