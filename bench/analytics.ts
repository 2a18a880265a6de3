// npm run bench:analytics — listening insights under load. Runs Selah as `npm start` does
// (embedded default, fresh temp SELAH_DATA_DIR, free ports), seeds one church with
// BENCH_ANALYTICS_SERMONS published sermons (with searchable moments) and a year of daily
// rollups, then measures:
//   (a) ingest: batched beacons (BENCH_ANALYTICS_BATCH reports each, as the player sends them)
//       through POST /api/play-events from many simulated clients (each its own address in
//       X-Forwarded-For, which the launcher trusts from loopback), BENCH_ANALYTICS_CONCURRENCY
//       in flight for BENCH_ANALYTICS_INGEST_SECONDS: `ingestEventsPerSecond` (accepted ones);
//   (b) search p95 through GET /api/search (BENCH_ANALYTICS_SEARCHES, one at a time) alone and
//       while beacons arrive at the goal rate (BENCH_ANALYTICS_GOAL_EVENTS per second, sent on
//       schedule whether or not earlier ones were answered, as independent listeners send them,
//       up to BENCH_ANALYTICS_PACED_IN_FLIGHT at once), in BENCH_ANALYTICS_SEARCH_ROUNDS
//       alternating rounds of each: `searchP95SlowdownPercent`;
//   (c) the dashboard's queries (churchInsights + a sermon's retention curve) over 7, 30, 90
//       and 365 days against that year: `dashboardP95Ms` (the worst range's p95);
//   and checks that the rollup then counts what was ingested.
// Progress goes to stderr; the last line on stdout is one JSON object with the figures, the
// goals met (`checks`) and the load average.
import { randomUUID } from "node:crypto";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { churchInsights } from "@/lib/catalog/insights/church-insights";
import { parseInsightsRange, RANGE_PRESETS } from "@/lib/catalog/insights/insights-range";
import { rollUpListening } from "@/lib/catalog/insights/roll-up-listening";
import { sermonRetention } from "@/lib/catalog/insights/sermon-retention";
import { createDb } from "@/lib/platform/db/client";
import { embedLocally } from "@/lib/search/embeddings/local-embedder";
import { databaseUrlFor } from "@/scripts/launcher/embedded-urls";
import { seededRandom } from "@/test/support/seeded-random";
import { agent, send } from "./support/admin-http";
import { percentile, round } from "./support/load-stats";
import { type RunningSelah, startSelah, stopSelah } from "./support/embedded-selah";
import { numberSetting } from "./support/number-setting";

const setting = (name: string, fallback: number) => numberSetting(name, fallback, "positive");
const SERMONS = setting("BENCH_ANALYTICS_SERMONS", 500);
const BATCH = setting("BENCH_ANALYTICS_BATCH", 25);
const CONCURRENCY = setting("BENCH_ANALYTICS_CONCURRENCY", 8);
const INGEST_SECONDS = setting("BENCH_ANALYTICS_INGEST_SECONDS", 10);
const GOAL_EVENTS = setting("BENCH_ANALYTICS_GOAL_EVENTS", 2000);
// A p95 of 200 searches (the tenth slowest) moved 1–21 % between runs of the same code; of
// 600 (the thirtieth), alternated six times, it holds within a few points.
const SEARCHES = setting("BENCH_ANALYTICS_SEARCHES", 600);
const SEARCH_ROUNDS = setting("BENCH_ANALYTICS_SEARCH_ROUNDS", 6);
// Listeners do not wait for each other: with 8 in flight, a beacon held ~100 ms behind a search
// held the paced phase to ~1,600 of its 2,000 reports/s.
const PACED_IN_FLIGHT = setting("BENCH_ANALYTICS_PACED_IN_FLIGHT", 64);
const DASHBOARD_TRIES = setting("BENCH_ANALYTICS_DASHBOARD_TRIES", 20);
const GOALS = { ingestEventsPerSecond: 2000, searchP95SlowdownPercent: 10, dashboardP95Ms: 200 };

const ROOT = process.cwd();
const SELAH_LOG = path.join(ROOT, ".data", "bench", "analytics-selah.log");
const DURATION_MS = 40 * 60_000;
const WORDS = `grace mercy faith hope love shepherd psalm covenant prayer forgiveness kingdom
  parable prodigal son father servant neighbour samaritan light salt mountain sermon peace
  justice widow harvest vine branches bread water spirit wilderness exile return promise`
  .split(/\s+/)
  .filter(Boolean);
const next = seededRandom(7);
const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
const progress = (line: string) => console.error(`[bench:analytics] ${line}`);
const p95 = (values: number[]) =>
  round(
    percentile(
      [...values].sort((a, b) => a - b),
      0.95,
    ),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(url: string) {
  // Through Prisma's driver, as the CLIs reach the running Selah's database.
  const seeder = createDb(url, 1);
  const client = {
    query: (sql: string, params: unknown[] = []) => seeder.$executeRawUnsafe(sql, ...params),
  };
  await client.query(
    `INSERT INTO "Church" (id, slug, name, "updatedAt") VALUES ('bench-church', 'bench-chapel', 'Bench Chapel', now())`,
  );
  await client.query(`INSERT INTO "Sermon" (id, "churchId", slug, title, "preachedOn", status, "publishState", "mediaVersion", "durationMs", "updatedAt")
    SELECT 's' || i, 'bench-church', 'sermon-' || i, 'Sermon ' || i, date '2025-01-01' + (i % 365),
      'searchable', 'published', 1, ${DURATION_MS}, now()
    FROM generate_series(1, ${SERMONS}) i`);
  await client.query(`INSERT INTO "MediaAsset" (id, "sermonId", kind, key, "contentType", "updatedAt")
    SELECT 'm' || i, 's' || i, 'master_playlist',
      'churches/bench-church/sermons/s' || i || '/v1/master.m3u8', 'application/vnd.apple.mpegurl', now()
    FROM generate_series(1, ${SERMONS}) i`);
  await client.query(`INSERT INTO "Chapter" (id, "sermonId", "startMs", title, "updatedAt")
    SELECT 'ch' || i || '-' || k, 's' || i, k * ${DURATION_MS / 4}, 'Part ' || (k + 1), now()
    FROM generate_series(1, ${SERMONS}) i, generate_series(0, 3) k`);
  progress("sermons, media and chapters seeded; moments next…");
  // Ten moments a sermon for search to find.
  for (let sermon = 1; sermon <= SERMONS; sermon += 25) {
    const rows: string[] = [];
    const params: unknown[] = [];
    for (let s = sermon; s < Math.min(SERMONS + 1, sermon + 25); s++) {
      for (let position = 0; position < 10; position++) {
        const text = Array.from({ length: 60 }, pick).join(" ");
        const p = params.length;
        rows.push(
          `($${p + 1}, $${p + 2}, 'bench-church', $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::vector, 'local-hash-v1')`,
        );
        params.push(
          `k${s}-${position}`,
          `s${s}`,
          position,
          position * 240_000,
          (position + 1) * 240_000,
          text,
          `[${embedLocally(text, 384)
            .map((v) => v.toFixed(5))
            .join(",")}]`,
        );
      }
    }
    await client.query(
      `INSERT INTO "Chunk" (id, "sermonId", "churchId", position, "startMs", "endMs", text, embedding, "embeddingModel") VALUES ${rows.join(",")}`,
      params,
    );
  }
  progress("moments seeded; a year of rollups next…");
  // A year of rollups: each sermon heard on about 40% of days, retention falling off with time.
  const started = performance.now();
  await client.query(`INSERT INTO "SermonListeningDay" ("sermonId", day, "churchId", plays, "uniqueListeners", completions, "completionSum", retention)
    SELECT 's' || i, d::date, 'bench-church', n, n, n / 3, n * 0.6,
      ARRAY(SELECT GREATEST(0, n - (b * n / 130))::int FROM generate_series(0, 99) b ORDER BY b)
    FROM generate_series(1, ${SERMONS}) i,
      generate_series(current_date - 364, current_date, interval '1 day') d,
      LATERAL (SELECT (1 + (hashtext(i || '-' || d) & 15))::int AS n) c
    WHERE (hashtext(d || '/' || i) & 7) < 3`);
  await client.query(`INSERT INTO "ChurchListeningDay" ("churchId", day, plays, "uniqueListeners")
    SELECT 'bench-church', day, SUM(plays), SUM("uniqueListeners") * 0.8 FROM "SermonListeningDay" GROUP BY day`);
  await client.query(`INSERT INTO "FeedDownloadDay" ("sermonId", day, "churchId", downloads)
    SELECT "sermonId", day, 'bench-church', plays / 2 + 1 FROM "SermonListeningDay" WHERE plays > 8`);
  await client.query(`INSERT INTO "SearchQueryDay" ("churchId", day, query, searches, "zeroResults")
    SELECT 'bench-church', d::date, 'query ' || q, 1 + q % 5, CASE WHEN q % 7 = 0 THEN 1 + q % 5 ELSE 0 END
    FROM generate_series(current_date - 364, current_date, interval '1 day') d, generate_series(1, 40) q`);
  await client.query("ANALYZE");
  const rows = {
    rows: await seeder.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM "SermonListeningDay"`,
    ),
  };
  progress(
    `seeded ${SERMONS} sermons and ${rows.rows[0]!.n} sermon-days of rollups in ${round((performance.now() - started) / 1000)} s`,
  );
  await seeder.$disconnect();
}

/** One beacon of BATCH reports for a listener of a random sermon. */
function beaconBody(): string {
  const sermonId = `s${1 + Math.floor(next() * SERMONS)}`;
  const events = [{ sermonId, kind: "play", positionMs: 0 }];
  let at = 0;
  while (events.length < BATCH) {
    const to = Math.min(DURATION_MS, at + DURATION_MS / 10);
    events.push({ sermonId, kind: "progress", positionMs: to, fromMs: at } as never);
    at = to >= DURATION_MS ? 0 : to;
  }
  return JSON.stringify({ events });
}

let clients = 0;
async function postBeacon(base: string): Promise<{ status: number; accepted: number }> {
  // Every beacon from its own client address, as thousands of listeners' would be.
  clients++;
  const address = `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
  const reply = await send(base, "POST", "/api/play-events", {
    headers: {
      "content-type": "text/plain;charset=UTF-8",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36",
      "x-forwarded-for": address,
    },
    body: beaconBody(),
  });
  const accepted =
    reply.status === 202 ? (JSON.parse(reply.body.toString()).accepted as number) : 0;
  return { status: reply.status, accepted };
}

/** Beacons from `concurrency` loops until `stop()` says so (or at `perSecond` beacons, paced). */
async function ingest(
  base: string,
  options: { concurrency: number; until: () => boolean; perSecond?: number },
) {
  let accepted = 0;
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  // Paced, the rate is over the time beacons went out: loops still sleeping towards a slot
  // past the end send nothing, and that wait is not the route's (a loop that fell behind
  // sends late, which still shows).
  let lastSentAt = started;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (!options.until()) {
        // Each loop takes its slot in the schedule before waiting for it: counted after the
        // wait, loops woken together took the same slot and sent ~20% over the paced rate.
        const slot = sent++;
        if (options.perSecond) {
          const due = started + (slot / options.perSecond) * 1000;
          if (due > performance.now()) await sleep(due - performance.now());
          if (options.until()) break;
          lastSentAt = Math.max(lastSentAt, performance.now());
        }
        const outcome = await postBeacon(base).catch(() => ({ status: 0, accepted: 0 }));
        accepted += outcome.accepted;
        if (outcome.status !== 202) failed++;
      }
    }),
  );
  const endedAt = options.perSecond ? lastSentAt + 1000 / options.perSecond : performance.now();
  return { accepted, failed, seconds: (endedAt - started) / 1000 };
}

async function searchTimes(base: string, queries: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const reply = await send(
      base,
      "GET",
      `/api/search?q=${encodeURIComponent(query)}&church=bench-chapel`,
    );
    if (reply.status !== 200) throw new Error(`search answered ${reply.status}: ${reply.body}`);
    times.push(performance.now() - started);
  }
  return times;
}

const loadAtStart = loadavg()[0]!;
const dataDir = await mkdtemp(path.join(tmpdir(), "selah-bench-analytics-"));
let selah: RunningSelah | undefined;
const cleanUp = async () => {
  await stopSelah(selah?.launcher);
  agent.destroy();
  await rm(dataDir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  progress(`starting Selah (npm start's launcher) in ${dataDir}; its output: ${SELAH_LOG}…`);
  selah = await startSelah(dataDir, { log: SELAH_LOG, progress });
  const base = selah.url;
  const port = /database ready on port (\d+)/.exec(await readFile(SELAH_LOG, "utf8"))?.[1];
  if (!port) throw new Error(`the launcher did not say its database port (see ${SELAH_LOG})`);
  const databaseUrl = databaseUrlFor(Number(port));
  progress(`Selah is up at ${base}; seeding ${SERMONS} sermons and a year of rollups…`);
  await seed(databaseUrl);
  const db = createDb(databaseUrl, 2);

  // (c) first, on the year alone, before the ingest adds raw reports.
  const dashboard: Record<string, number> = {};
  for (const days of RANGE_PRESETS) {
    const range = parseInsightsRange({ days: String(days) });
    const times: number[] = [];
    for (let i = 0; i < DASHBOARD_TRIES + 2; i++) {
      const started = performance.now();
      await churchInsights(db, "bench-church", range);
      await sermonRetention(db, "bench-church", `s${1 + (i % SERMONS)}`, range);
      if (i >= 2) times.push(performance.now() - started);
    }
    dashboard[`${days}d`] = p95(times);
  }
  const dashboardP95Ms = Math.max(...Object.values(dashboard));
  progress(`dashboard p95 by range: ${JSON.stringify(dashboard)}`);

  // (a) as fast as the route takes them.
  const ingestEnd = performance.now() + INGEST_SECONDS * 1000;
  const maxIngest = await ingest(base, {
    concurrency: CONCURRENCY,
    until: () => performance.now() > ingestEnd,
  });
  const ingestEventsPerSecond = Math.round(maxIngest.accepted / maxIngest.seconds);
  progress(
    `ingest: ${maxIngest.accepted} reports in ${round(maxIngest.seconds)} s = ${ingestEventsPerSecond}/s (${maxIngest.failed} beacons refused or failed)`,
  );

  // (b) search alone and while beacons arrive at the goal rate, in alternating rounds on the
  // same database (the reports of (a) included), so both see the same machine and data: one
  // phase after the other moved with whatever else the machine did meanwhile.
  const queries = Array.from({ length: SEARCHES }, () => `${pick()} ${pick()}`);
  await searchTimes(base, queries.slice(0, 5));
  const searchAlone: number[] = [];
  const searchDuring: number[] = [];
  const pacedRounds: Array<Awaited<ReturnType<typeof ingest>>> = [];
  const perRound = Math.ceil(SEARCHES / SEARCH_ROUNDS);
  for (let phase = 0; phase < SEARCH_ROUNDS; phase++) {
    const roundQueries = queries.slice(phase * perRound, (phase + 1) * perRound);
    searchAlone.push(...(await searchTimes(base, roundQueries)));
    let searching = true;
    const paced = ingest(base, {
      concurrency: PACED_IN_FLIGHT,
      until: () => !searching,
      perSecond: GOAL_EVENTS / BATCH,
    });
    await sleep(500);
    searchDuring.push(...(await searchTimes(base, roundQueries)));
    searching = false;
    pacedRounds.push(await paced);
  }
  const pacedIngest = {
    accepted: pacedRounds.reduce((sum, phase) => sum + phase.accepted, 0),
    failed: pacedRounds.reduce((sum, phase) => sum + phase.failed, 0),
    seconds: pacedRounds.reduce((sum, phase) => sum + phase.seconds, 0),
  };
  const pacedRate = Math.round(pacedIngest.accepted / pacedIngest.seconds);
  const searchP95SlowdownPercent = round(
    ((p95(searchDuring) - p95(searchAlone)) / p95(searchAlone)) * 100,
  );
  progress(
    `search alone p95 ${p95(searchAlone)} ms; during ingest at ${pacedRate} reports/s p95 ${p95(searchDuring)} ms (${searchP95SlowdownPercent}% slower; ${SEARCH_ROUNDS} rounds of each)`,
  );

  const rollupStarted = performance.now();
  await rollUpListening(db);
  const rollupSeconds = round((performance.now() - rollupStarted) / 1000);
  const today = new Date(new Date().toISOString().slice(0, 10));
  const counted = await db.sermonListeningDay.aggregate({
    where: { churchId: "bench-church", day: today },
    _sum: { plays: true },
  });
  const rawPlays = await db.playEvent.count({ where: { kind: "play" } });
  progress(`rollup of today's ${rawPlays} plays took ${rollupSeconds} s`);
  await db.$disconnect();

  const checks = {
    ingestEventsPerSecond: ingestEventsPerSecond >= GOALS.ingestEventsPerSecond,
    searchP95SlowdownPercent: searchP95SlowdownPercent <= GOALS.searchP95SlowdownPercent,
    // The slowdown means something only if the beacons really arrived at the goal rate.
    pacedAtGoalRate: pacedRate >= 0.95 * GOAL_EVENTS,
    dashboardP95Ms: dashboardP95Ms < GOALS.dashboardP95Ms,
    // Every beacon came from its own client: each play is one listener's, counted once.
    rollupCountsEveryPlay: (counted._sum.plays ?? 0) === rawPlays,
    noBeaconFailed: maxIngest.failed === 0 && pacedIngest.failed === 0,
  };
  const result = {
    bench: "analytics",
    ingestEventsPerSecond,
    dashboardP95Ms,
    searchP95SlowdownPercent,
    searchP95AloneMs: p95(searchAlone),
    searchP95DuringIngestMs: p95(searchDuring),
    ingestDuringSearchEventsPerSecond: pacedRate,
    dashboardP95MsByRange: dashboard,
    rollupSeconds,
    goals: GOALS,
    checks,
    sermons: SERMONS,
    batch: BATCH,
    concurrency: CONCURRENCY,
    pacedInFlight: PACED_IN_FLIGHT,
    searches: SEARCHES,
    searchRounds: SEARCH_ROUNDS,
    runId: randomUUID().slice(0, 8),
    cores: availableParallelism(),
    loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
  };
  await cleanUp();
  console.log(JSON.stringify(result));
  const failed = Object.entries(checks).filter(([, ok]) => !ok);
  if (failed.length)
    console.error(`[bench:analytics] goals not met: ${failed.map(([name]) => name).join(", ")}`);
} catch (error) {
  await cleanUp();
  throw error;
}
