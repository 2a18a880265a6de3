import { isbot } from "isbot";
import type { Db } from "@/lib/platform/db/client";
import { type DailyListenerHasher, type RequestOrigin } from "./daily-listener-hasher";
import { playEventSchema } from "./play-event-batch";
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
  const rows = reports.flatMap((report) => {
    const sermon = sermons.get(report.sermonId);
    if (!sermon) return [];
    const clamp = (ms: number) => Math.min(ms, sermon.durationMs);
    return [
      {
        churchId: sermon.churchId,
        sermonId: report.sermonId,
        day,
        listenerHash: hasher.hash(origin, `church:${sermon.churchId}`),
        kind: report.kind,
        fromMs: report.fromMs === undefined ? null : clamp(report.fromMs),
        positionMs: clamp(report.positionMs),
        createdAt: now,
      },
    ];
  });
  if (rows.length > 0) await db.playEvent.createMany({ data: rows });
  return { accepted: rows.length, ignored: events.length - rows.length };
}
