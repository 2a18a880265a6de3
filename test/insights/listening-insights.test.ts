import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/play-events/route";
import { countFeedDownload } from "@/lib/catalog/insights/count-feed-download";
import { createDailyListenerHasher } from "@/lib/catalog/insights/daily-listener-hasher";
import { ingestPlayEvents } from "@/lib/catalog/insights/ingest-play-events";
import { purgeRawPlayEvents } from "@/lib/catalog/insights/purge-raw-play-events";
import { rollUpListening } from "@/lib/catalog/insights/roll-up-listening";
import { utcDay } from "@/lib/catalog/insights/utc-day";
import { insightsEnvSchema } from "@/lib/platform/config/insights-env";
import { parseEnv } from "@/lib/platform/config/parse-env";
import type { Db } from "@/lib/platform/db/client";
import { type ChurchDatabase, startChurchDatabase } from "@/test/support/church-database";

const DURATION_MS = 600_000;
const PCT = DURATION_MS / 100;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

let database: ChurchDatabase;
let db: Db;
const sermons: Record<"published" | "draft" | "otherChurch" | "replayed" | "private", string> = {
  published: "",
  draft: "",
  otherChurch: "",
  replayed: "",
  private: "",
};

async function addSermon(churchId: string, slug: string, publishState: "published" | "draft") {
  const sermon = await db.sermon.create({
    data: {
      churchId,
      slug,
      title: slug,
      durationMs: DURATION_MS,
      status: "searchable",
      mediaVersion: 1,
      publishState,
    },
  });
  await db.mediaAsset.create({
    data: {
      sermonId: sermon.id,
      kind: "master_playlist",
      key: `churches/${churchId}/sermons/${sermon.id}/v1/master.m3u8`,
      contentType: "application/vnd.apple.mpegurl",
    },
  });
  return sermon.id;
}

beforeAll(async () => {
  database = await startChurchDatabase("grace");
  db = database.db;
  // The route handler reads through this process's client (getDb), made from DATABASE_URL.
  process.env.DATABASE_URL = database.services.database.url;
  const other = await db.church.create({ data: { slug: "hope", name: "Hope" } });
  sermons.published = await addSermon(database.churchId, "retention", "published");
  sermons.replayed = await addSermon(database.churchId, "replayed", "published");
  sermons.private = await addSermon(database.churchId, "private", "published");
  sermons.draft = await addSermon(database.churchId, "draft", "draft");
  sermons.otherChurch = await addSermon(other.id, "elsewhere", "published");
}, 600_000);

afterAll(async () => {
  await database?.stop();
});

const beacon = (
  body: unknown,
  options: { address?: string; userAgent?: string; contentType?: string } = {},
) =>
  POST(
    new Request("http://selah.test/api/play-events", {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "text/plain;charset=UTF-8",
        "user-agent": options.userAgent ?? BROWSER,
        "x-forwarded-for": `198.51.100.1, ${options.address ?? "203.0.113.9"}`,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

type Report = { sermonId: string; kind: string; positionMs: number; fromMs?: number };

/**
 * What the player sends for a listener who listens from the start to `stopPct` %, jumping from
 * 20 % to 50 % when `seeks`: a play, a progress report at every 10 % mark crossed (the stretch
 * since the last report), the stretch before a seek and the seek, the last stretch as the page
 * hides, and `complete` at the end.
 */
function listenerReports(sermonId: string, stopPct: number, seeks: boolean): Report[] {
  const reports: Report[] = [{ sermonId, kind: "play", positionMs: 0 }];
  let from = 0;
  const listenTo = (endPct: number) => {
    for (let mark = Math.floor(from / 10) * 10 + 10; mark <= endPct; mark += 10) {
      reports.push({ sermonId, kind: "progress", fromMs: from * PCT, positionMs: mark * PCT });
      from = mark;
    }
    if (from < endPct) {
      reports.push({ sermonId, kind: "progress", fromMs: from * PCT, positionMs: endPct * PCT });
      from = endPct;
    }
  };
  if (seeks) {
    listenTo(20);
    reports.push({ sermonId, kind: "seek", fromMs: 20 * PCT, positionMs: 50 * PCT });
    from = 50;
  }
  listenTo(stopPct);
  if (stopPct === 100)
    reports.push({ sermonId, kind: "complete", fromMs: DURATION_MS, positionMs: DURATION_MS });
  return reports;
}

describe("listening insights: ingest through POST /api/play-events, rollups, purge", () => {
  it("a thousand plays with seeks give the expected counts and retention curve", async () => {
    const expected = Array.from({ length: 100 }, () => 0);
    let completions = 0;
    let coveredSum = 0;
    for (let i = 0; i < 1000; i++) {
      const seeks = i % 4 === 0;
      // Seekers stop somewhere from 55 % to the end, others from 10 %; deterministic spread.
      const stopPct = seeks ? 55 + ((i * 7) % 46) : 10 + ((i * 13) % 91);
      if (stopPct === 100) completions++;
      for (let b = 0; b < 100; b++) {
        if (b < stopPct && !(seeks && b >= 20 && b < 50)) {
          expected[b]! += 1;
          coveredSum++;
        }
      }
      const address = `10.${Math.floor(i / 250)}.${i % 250}.7`;
      const reports = listenerReports(sermons.published, stopPct, seeks);
      // The player batches: its reports arrive in two beacons.
      const half = Math.ceil(reports.length / 2);
      for (const events of [reports.slice(0, half), reports.slice(half)]) {
        if (events.length === 0) continue;
        const response = await beacon({ events }, { address });
        expect(response.status, await response.clone().text()).toBe(202);
      }
    }
    await rollUpListening(db);
    const row = await db.sermonListeningDay.findUniqueOrThrow({
      where: { sermonId_day: { sermonId: sermons.published, day: utcDay(new Date()) } },
    });
    expect(row.plays).toBe(1000);
    expect(row.uniqueListeners).toBe(1000);
    expect(row.completions).toBe(completions);
    expect(row.retention).toEqual(expected);
    expect(row.completionSum).toBeCloseTo(coveredSum / 100, 6);
    // The curve falls as listeners stop, with the seekers' skipped stretch showing as a dip.
    expect(row.retention[0]).toBe(1000);
    expect(row.retention[25]!).toBeLessThan(row.retention[55]!);
    const church = await db.churchListeningDay.findUniqueOrThrow({
      where: { churchId_day: { churchId: database.churchId, day: utcDay(new Date()) } },
    });
    expect(church.uniqueListeners).toBeGreaterThanOrEqual(1000);
  }, 600_000);

  it("counts the same listener replaying a sermon once a day, and again the next day", async () => {
    const address = "192.0.2.44";
    const events = listenerReports(sermons.replayed, 30, false);
    for (let replay = 0; replay < 3; replay++)
      expect((await beacon({ events }, { address })).status).toBe(202);
    await rollUpListening(db);
    const today = await db.sermonListeningDay.findUniqueOrThrow({
      where: { sermonId_day: { sermonId: sermons.replayed, day: utcDay(new Date()) } },
    });
    expect([today.plays, today.uniqueListeners]).toEqual([1, 1]);
    expect(today.retention.slice(0, 31)).toEqual([...Array(30).fill(1), 0]);

    // A day later the secret is new: the same listener counts once more, on that day.
    let clock = new Date("2026-03-01T23:59:00Z");
    const hasher = createDailyListenerHasher(() => clock);
    const origin = { address, userAgent: BROWSER };
    const ingest = () =>
      ingestPlayEvents(db, { events, origin, hasher, now: clock, sermonCache: null });
    await ingest();
    await ingest();
    const firstHash = hasher.hash(origin, "x");
    clock = new Date("2026-03-02T00:01:00Z");
    await ingest();
    expect(hasher.hash(origin, "x")).not.toBe(firstHash);
    await rollUpListening(db);
    const days = await db.sermonListeningDay.findMany({
      where: { sermonId: sermons.replayed, day: { lt: utcDay(new Date()) } },
      orderBy: { day: "asc" },
    });
    expect(days.map((day) => [day.day.toISOString().slice(0, 10), day.plays])).toEqual([
      ["2026-03-01", 1],
      ["2026-03-02", 1],
    ]);
  });

  it("keeps no address or user agent anywhere in the database", async () => {
    const address = "203.0.113.77";
    const userAgent = `${BROWSER} PrivacyProbe/9.9`;
    const response = await beacon(
      { events: listenerReports(sermons.private, 40, false) },
      { address, userAgent },
    );
    expect(response.status).toBe(202);
    expect((await response.json()).accepted).toBeGreaterThan(0);
    await rollUpListening(db);
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public'
        AND data_type IN ('text', 'character varying', 'ARRAY', 'jsonb', 'json', 'USER-DEFINED')`;
    expect(columns.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM "${table_name}"
         WHERE "${column_name}"::text LIKE $1 OR "${column_name}"::text LIKE $2`,
        `%${address}%`,
        "%PrivacyProbe%",
      );
      if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);
    expect(await db.playEvent.count({ where: { sermonId: sermons.private } })).toBeGreaterThan(0);
  });

  it("ignores forged, absurd and bot reports and limits a flood, never a 500", async () => {
    const before = await db.playEvent.count();
    const mixed = await beacon(
      {
        events: [
          { sermonId: sermons.draft, kind: "play", positionMs: 0 },
          { sermonId: "no-such-sermon", kind: "play", positionMs: 0 },
          { sermonId: sermons.published, kind: "play", positionMs: -5 },
          { sermonId: sermons.published, kind: "progress", positionMs: 1e12, fromMs: 0 },
          { sermonId: sermons.published, kind: "progress", positionMs: 10, fromMs: 500 },
          { sermonId: sermons.published, kind: "teleport", positionMs: 0 },
          { sermonId: sermons.published, kind: "progress", positionMs: "NaN" },
          "not an event",
          { sermonId: sermons.published, kind: "complete", fromMs: 590_000, positionMs: 999_999 },
        ],
      },
      { address: "198.51.100.200" },
    );
    expect(mixed.status).toBe(202);
    expect(await mixed.json()).toEqual({ accepted: 1, ignored: 8 });
    const clamped = await db.playEvent.findFirstOrThrow({
      where: { kind: "complete", fromMs: 590_000 },
    });
    expect(clamped.positionMs).toBe(DURATION_MS);

    // Another church's sermon is counted for that church, never the one a client might claim.
    const elsewhere = await beacon(
      {
        churchId: database.churchId,
        events: [{ sermonId: sermons.otherChurch, kind: "play", positionMs: 0 }],
      },
      { address: "198.51.100.201" },
    );
    expect(elsewhere.status).toBe(202);
    const stored = await db.playEvent.findFirstOrThrow({
      where: { sermonId: sermons.otherChurch },
    });
    expect(stored.churchId).not.toBe(database.churchId);

    const bot = await beacon(
      { events: [{ sermonId: sermons.published, kind: "play", positionMs: 0 }] },
      {
        address: "198.51.100.202",
        userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      },
    );
    expect(await bot.json()).toEqual({ accepted: 0, ignored: 1 });

    for (const [body, status] of [
      ["{not json", 400],
      [{ events: [] }, 422],
      [
        { events: Array(51).fill({ sermonId: sermons.published, kind: "play", positionMs: 0 }) },
        422,
      ],
      [{ nothing: true }, 422],
    ] as const) {
      const response = await beacon(body, { address: "198.51.100.203" });
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(status);
    }

    // A flood arrives at once: 40 beacons inside the limiter's 2 s refill.
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const response = await beacon(
          { events: [{ sermonId: sermons.published, kind: "play", positionMs: 0 }] },
          { address: "198.51.100.250" },
        );
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 202)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(await db.playEvent.count()).toBe(before + 1 + 1 + 20);
  });

  it("purges raw reports past ANALYTICS_RAW_EVENT_DAYS and keeps their counts in the rollups", async () => {
    const { ANALYTICS_RAW_EVENT_DAYS: keepDays } = parseEnv(insightsEnvSchema, {
      ANALYTICS_RAW_EVENT_DAYS: "2",
    });
    const today = utcDay(new Date());
    await rollUpListening(db);
    const rolledBefore = await db.sermonListeningDay.findUniqueOrThrow({
      where: { sermonId_day: { sermonId: sermons.published, day: today } },
    });
    // Tomorrow, today's reports are still kept (2 days); the day after, they are purged.
    const olderThanYesterday = await db.playEvent.count({
      where: { day: { lt: utcDay(new Date(), -1) } },
    });
    expect(olderThanYesterday).toBeGreaterThan(0);
    const tomorrow = await purgeRawPlayEvents(db, { keepDays, now: utcDay(new Date(), 1) });
    expect(tomorrow.purged).toBe(olderThanYesterday);
    expect(await db.playEvent.count({ where: { day: today } })).toBeGreaterThan(0);
    const { purged } = await purgeRawPlayEvents(db, { keepDays, now: utcDay(new Date(), 2) });
    expect(purged).toBeGreaterThan(4000);
    expect(await db.playEvent.count({ where: { day: { lte: today } } })).toBe(0);
    // The rollups outlive the reports, and a later rollup leaves purged days alone.
    await rollUpListening(db);
    const rolledAfter = await db.sermonListeningDay.findUniqueOrThrow({
      where: { sermonId_day: { sermonId: sermons.published, day: today } },
    });
    // The thousand listeners and the flooding client (its 20 plays counted once).
    expect(rolledBefore.plays).toBe(1001);
    expect(rolledAfter.plays).toBe(rolledBefore.plays);
    expect(rolledAfter.retention).toEqual(rolledBefore.retention);
  });

  it("forgets a deleted sermon's reports at the next rollup, which still counts the others", async () => {
    const deleted = await addSermon(database.churchId, "deleted-later", "published");
    for (const [index, sermonId] of [deleted, sermons.replayed].entries()) {
      const reply = await beacon(
        { events: listenerReports(sermonId, 30, false) },
        { address: `203.0.113.${200 + index}` },
      );
      expect(reply.status).toBe(202);
    }
    expect(await db.playEvent.count({ where: { sermonId: deleted } })).toBe(4);
    const replayedBefore = await db.playEvent.count({ where: { sermonId: sermons.replayed } });
    await db.sermon.delete({ where: { id: deleted } });

    await rollUpListening(db);
    expect(await db.playEvent.count({ where: { sermonId: deleted } })).toBe(0);
    expect(await db.playEvent.count({ where: { sermonId: sermons.replayed } })).toBe(
      replayedBefore,
    );
    const replayed = await db.sermonListeningDay.findUniqueOrThrow({
      where: { sermonId_day: { sermonId: sermons.replayed, day: utcDay(new Date()) } },
    });
    expect(replayed.plays).toBeGreaterThan(0);
  });
});

describe("feed downloads", () => {
  const download = (headers: Record<string, string>) =>
    new Request("http://selah.test/media/x/v1/download.m4a", {
      headers: { "x-forwarded-for": "203.0.113.50", ...headers },
    });
  const downloads = async () =>
    (
      await db.feedDownloadDay.findUnique({
        where: { sermonId_day: { sermonId: sermons.replayed, day: utcDay(new Date()) } },
      })
    )?.downloads ?? 0;

  it("counts a podcast app's first request once a day, and never Selah's own pages", async () => {
    const hasher = createDailyListenerHasher();
    const sermon = { id: sermons.replayed, churchId: database.churchId };
    const count = (headers: Record<string, string>) =>
      countFeedDownload(db, download(headers), sermon, { hasher });

    // Selah's player, its offline Download and a link opened in the browser: web plays.
    await count({ "user-agent": BROWSER, "sec-fetch-site": "same-origin", range: "bytes=0-" });
    await count({ "user-agent": BROWSER, "sec-fetch-site": "none" });
    expect(await downloads()).toBe(0);

    // A podcast app (no Sec-Fetch-* headers): its first request counts, its later ranges and a
    // second download the same day do not; another app does.
    await count({ "user-agent": "Overcast/3.0", range: "bytes=0-" });
    await count({ "user-agent": "Overcast/3.0", range: "bytes=500000-" });
    await count({ "user-agent": "Overcast/3.0" });
    await count({ "user-agent": "AppleCoreMedia/1.0.0" });
    expect(await downloads()).toBe(2);
  });
});
