// npm run bench:load — Selah under load, as `npm start` runs it on the embedded default: the
// launcher (database, S3/SQS emulator, engine, worker, the production web app) in a fresh temp
// SELAH_DATA_DIR on free ports. Seeds an admin (npm run admin:create), a church and a few
// sermons uploaded through the admin API and processed by the real pipeline (their captions
// uploaded too, so they are searchable without waiting for the local recogniser), then for
// BENCH_LOAD_SECONDS (60) runs at once:
//   - BENCH_LOAD_LISTENERS (200) listeners: master playlist, a rendition playlist, its init
//     segment, then segments paced like hls.js (a 30 s buffer filled at once, then one segment
//     per segment played; BENCH_LOAD_PACE > 1 plays faster), a session of 6–30 segments from a
//     random point, then another sermon. Playlists are fetched again each session (a browser
//     would keep them for a minute or a day): `playlist` counts both playlists, `segment` the
//     init and media segments;
//   - BENCH_LOAD_SEARCHERS (4) searchers: GET /api/search?q=… with ~1 s between searches;
//   - BENCH_LOAD_UPLOADERS (2) uploaders: create a sermon, start, presign, PUT the part(s)
//     through /s3, complete — back to back; each completed upload is processed for real, so
//     the pipeline works flat out (as many transcodes and transcriptions as it runs at once).
// Every request is timed to its last byte over keep-alive connections. Progress goes to stderr
// (the launcher's output to .data/bench/load-selah.log); the last line on stdout is one JSON
// object: `requests` and `errors` per kind and `total`, `p50Ms`/`p95Ms`/`p99Ms`/`maxMs` per
// kind, and the web process's RSS (`webRssMb`) before, half-way through and after the load,
// and its peak.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import {
  agent,
  type Call,
  captionsFor,
  churchApi,
  send,
  sermonStatus,
  signIn,
  strictCall,
  uploadSermon,
  waitForStatus as waitForSermons,
} from "./support/admin-http";
import {
  createAdmin,
  runScript,
  startSelah,
  stopSelah,
  webProcessOf,
} from "./support/embedded-selah";
import { parseMediaPlaylist, segmentDueMs, variantUris } from "./support/hls-listener";
import { LatencyBook, loadResult, percentile, type RequestKind, round } from "./support/load-stats";
import { numberSetting } from "./support/number-setting";
import { requireTools } from "./support/require-tools";
import { benchInput, benchInputTools } from "./transcode-fixture";

const setting = (name: string, fallback: number) => numberSetting(name, fallback, "zero or more");
const SECONDS = setting("BENCH_LOAD_SECONDS", 60);
const LISTENERS = setting("BENCH_LOAD_LISTENERS", 200);
const SEARCHERS = setting("BENCH_LOAD_SEARCHERS", 4);
const UPLOADERS = setting("BENCH_LOAD_UPLOADERS", 2);
const PACE = setting("BENCH_LOAD_PACE", 1) || 1;
const SERMONS = Math.max(1, setting("BENCH_LOAD_SERMONS", 3));
const SERMON_MINUTES = setting("BENCH_LOAD_SERMON_MINUTES", 5);
/** Mean pause between one searcher's searches. */
const SEARCH_THINK_MS = 1000;
/** Listeners press play spread over this long, not all in the same millisecond. */
const RAMP_MS = Math.min(10_000, (SECONDS * 1000) / 4);
const PROGRESS_EVERY_MS = 5_000;

const ROOT = process.cwd();
/** The launcher's output of the last run. */
const SELAH_LOG = path.join(ROOT, ".data", "bench", "load-selah.log");
const CHURCH = "load-chapel";
const ADMIN = { email: "it@load.example", password: "bench-load-password-1" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const progress = (line: string) => console.error(`[bench:load] ${line}`);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

// ── Sermon texts: each seeded sermon's captions, and what the searchers ask ──────────────────

const SERMON_TEXTS = [
  {
    title: "No Condemnation",
    scripture: "Rom 8:1-11",
    lines: [
      "Grace and peace to you from God our Father and the Lord Jesus Christ.",
      "There is therefore now no condemnation for those who are in Christ Jesus.",
      "Paul writes to a small church in the capital of an empire, servants and merchants.",
      "They met in houses and wondered whether any of it mattered at all.",
      "On Monday morning, at the kitchen table, at the office, we are not alone.",
      "Our worth is not measured by what we achieve but by whose we are.",
      "The Spirit of life has set you free from the law of sin and death.",
      "Let us pray for courage to live as people who are loved.",
    ],
  },
  {
    title: "The Lord Is My Shepherd",
    scripture: "Ps 23",
    lines: [
      "The Lord is my shepherd; I shall not want.",
      "He makes me lie down in green pastures and leads me beside still waters.",
      "Even in the valley of the shadow of death, I will fear no evil.",
      "A shepherd knows each sheep by name and goes after the one that is lost.",
      "In the hospital waiting room, the shepherd is there with us.",
      "Goodness and mercy shall follow me all the days of my life.",
      "Rest is not laziness; it is trust that God keeps the world turning.",
      "Let us pray that we may hear the shepherd's voice this week.",
    ],
  },
  {
    title: "Salt and Light",
    scripture: "Matt 5:1-16",
    lines: [
      "Blessed are the poor in spirit, for theirs is the kingdom of heaven.",
      "Blessed are those who mourn, for they shall be comforted.",
      "You are the salt of the earth and the light of the world.",
      "A city set on a hill cannot be hidden, and no one hides a lamp under a basket.",
      "Love your enemies and pray for those who persecute you.",
      "Do not worry about tomorrow, for tomorrow will worry about itself.",
      "Forgiveness is not forgetting; it is refusing to keep the debt.",
      "Let your light shine so that others may see and give glory to God.",
    ],
  },
];
const QUERIES = [
  "no condemnation",
  "kitchen table",
  "worth is not measured",
  "shepherd",
  "still waters",
  "valley of the shadow",
  "hospital waiting room",
  "salt of the earth",
  "love your enemies",
  "worry about tomorrow",
  "forgiveness debt",
  "grace and peace",
  "let us pray",
  "light of the world",
  "fear no evil",
  "free from the law of sin",
];

// ── HTTP under load ──────────────────────────────────────────────────────────────────────────

/** Requests sent again after a keep-alive race (see timedCall). */
let keepAliveRetries = 0;

/** Requests under load: timed to the last byte and counted under `kind`. */
const timedCall =
  (base: string, book: LatencyBook, kind: RequestKind): Call =>
  async (method, target, options = {}) => {
    const started = performance.now();
    try {
      const reply = await send(base, method, target, options).catch((error: unknown) => {
        // The server closed an idle keep-alive connection just as this request went out on
        // it. Browsers send such a request again on a new connection, and so does this.
        const { code, reusedSocket } = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
        if (code !== "ECONNRESET" || !reusedSocket || method === "POST") throw error;
        keepAliveRetries++;
        return send(base, method, target, options);
      });
      const isOk = (options.ok ?? [200]).includes(reply.status);
      book.record(kind, performance.now() - started, isOk ? undefined : String(reply.status));
      return isOk ? reply : undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      book.record(kind, performance.now() - started, code);
      return undefined;
    }
  };

function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}

/** CPU seconds `pid` has used so far (user + system; Linux counts in 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ── The load ─────────────────────────────────────────────────────────────────────────────────

interface Seeded {
  id: string;
  version: number;
}

async function listener(
  base: string,
  book: LatencyBook,
  sermons: readonly Seeded[],
  index: number,
  deadline: number,
): Promise<void> {
  const playlistCall = timedCall(base, book, "playlist");
  const segmentCall = timedCall(base, book, "segment");
  await sleep((RAMP_MS * index) / Math.max(1, LISTENERS));
  while (performance.now() < deadline) {
    const sermon = pick(sermons);
    const root = `/media/${sermon.id}/v${sermon.version}/`;
    const master = await playlistCall("GET", `${root}master.m3u8`);
    const variant = master && pick(variantUris(master.body.toString()));
    const playlistReply = variant && (await playlistCall("GET", root + variant));
    if (!variant || !playlistReply) {
      await sleep(1000);
      continue;
    }
    const playlist = parseMediaPlaylist(playlistReply.body.toString());
    const folder = root + variant.slice(0, variant.lastIndexOf("/") + 1);
    if (playlist.init) await segmentCall("GET", folder + playlist.init);
    const first = Math.floor(Math.random() * playlist.segments.length);
    const session = playlist.segments.slice(first, first + 6 + Math.floor(Math.random() * 25));
    const playingSince = performance.now();
    let ahead = 0;
    for (const segment of session) {
      const due = playingSince + segmentDueMs(ahead, PACE);
      if (due >= deadline) return;
      await sleep(due - performance.now());
      await segmentCall("GET", folder + segment.uri);
      ahead += segment.seconds;
    }
  }
}

async function searcher(base: string, book: LatencyBook, deadline: number): Promise<void> {
  const call = timedCall(base, book, "search");
  await sleep(Math.random() * SEARCH_THINK_MS);
  while (performance.now() < deadline) {
    await call("GET", `/api/search?q=${encodeURIComponent(pick(QUERIES))}`);
    await sleep(SEARCH_THINK_MS * (0.5 + Math.random()));
  }
}

async function uploader(
  base: string,
  book: LatencyBook,
  cookie: string,
  file: Buffer,
  index: number,
  deadline: number,
  completed: { ids: string[]; flowMs: number[] },
): Promise<void> {
  const call = timedCall(base, book, "upload");
  for (let n = 1; performance.now() < deadline; n++) {
    const started = performance.now();
    const done = await uploadSermon(call, base, CHURCH, cookie, file, {
      title: `Load upload ${index}-${n}`,
      publishState: "draft",
    });
    if (done) {
      completed.ids.push(done.id);
      completed.flowMs.push(performance.now() - started);
    } else await sleep(1000);
  }
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

const cacheDir = path.join(ROOT, ".data", "bench");
const sermonSeconds = Math.round(SERMON_MINUTES * 60);
await requireTools("bench:load", [
  "ffmpeg",
  "ffprobe",
  "mkfifo",
  ...(await benchInputTools(cacheDir, sermonSeconds)),
]);
const recording = await readFile(await benchInput(cacheDir, sermonSeconds));
const loadAtStart = loadavg()[0]!;
const dataDir = await mkdtemp(path.join(tmpdir(), "selah-bench-load-"));
let launcher: ChildProcess | undefined;
const cleanUp = async () => {
  await stopSelah(launcher);
  await rm(dataDir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  progress(`starting Selah (npm start's launcher) in ${dataDir}; its output: ${SELAH_LOG}…`);
  const selah = await startSelah(dataDir, { log: SELAH_LOG, progress });
  launcher = selah.launcher;
  const base = selah.url;
  progress(
    `Selah is up at ${base} after ${round(selah.coldStartS)} s${selah.built ? " (including next build)" : " (existing .next build)"}`,
  );
  const webPid = webProcessOf(launcher.pid!);

  progress(`seeding: an admin of ${CHURCH} through npm run admin:create…`);
  await createAdmin(dataDir, ADMIN, { slug: CHURCH, name: "Load Test Chapel" });
  const cookie = await signIn(base, ADMIN);
  const strict = strictCall(base);
  progress(
    `seeding: ${SERMONS} sermons of ${SERMON_MINUTES} min (${round(recording.length / 1e6)} MB MP3) uploaded through the admin API, with captions…`,
  );
  const seedStarted = performance.now();
  const sermons: Seeded[] = await Promise.all(
    Array.from({ length: SERMONS }, async (_, i) => {
      const text = SERMON_TEXTS[i % SERMON_TEXTS.length]!;
      const title = i < SERMON_TEXTS.length ? text.title : `${text.title} (${i + 1})`;
      const uploaded = await uploadSermon(strict, base, CHURCH, cookie, recording, {
        title,
        scripture: text.scripture,
        publishState: "published",
      });
      await strict("POST", `${churchApi(CHURCH)}/sermons/${uploaded!.id}/transcript`, {
        headers: { cookie, "content-type": "text/vtt" },
        body: captionsFor(text.lines, sermonSeconds),
      });
      return { id: uploaded!.id, version: uploaded!.mediaVersion };
    }),
  );
  const statusOf = (id: string) => sermonStatus(strict, CHURCH, cookie, id);
  const waitForStatus = (wanted: string[], timeoutMs: number) =>
    waitForSermons(
      strict,
      CHURCH,
      cookie,
      sermons.map((sermon) => sermon.id),
      wanted,
      { timeoutMs, logHint: SELAH_LOG },
    );
  // The transcode ends by adopting the uploaded captions: the sermon is transcribed, then indexed.
  await waitForStatus(["transcribed", "searchable"], 10 * 60_000);
  const statuses = await waitForStatus(["searchable"], 15_000).catch(() => undefined);
  if (!statuses) {
    // Captions that arrive while the audio is still processing announce the transcript before
    // the sermon can be indexed, and the announcement at the end of processing is dropped as a
    // duplicate: such a sermon stays "transcribed". npm run reindex asks the pipeline again.
    progress("seeding: sermons left transcribed, not indexed; npm run reindex -- --church …");
    await runScript(dataDir, "scripts/reindex.ts", ["--church", CHURCH]);
    await waitForStatus(["searchable"], 5 * 60_000);
  }
  const seedS = (performance.now() - seedStarted) / 1000;
  progress(`seeded: ${SERMONS} sermons searchable ${round(seedS)} s after their uploads began`);

  // Warm-up, not counted: each route answers once, and connections are open.
  const warm = new LatencyBook();
  const first = sermons[0]!;
  const root = `/media/${first.id}/v${first.version}/`;
  const master = (await strict("GET", `${root}master.m3u8`))!.body.toString();
  const variant = variantUris(master)[0]!;
  const playlist = parseMediaPlaylist((await strict("GET", root + variant))!.body.toString());
  const folder = root + variant.slice(0, variant.lastIndexOf("/") + 1);
  await strict("GET", folder + playlist.segments[0]!.uri);
  await timedCall(base, warm, "search")("GET", "/api/search?q=shepherd");
  const segmentSeconds = playlist.segments[0]!.seconds;
  progress(
    `load: ${LISTENERS} listeners (≈ ${round(LISTENERS / (segmentSeconds / PACE))} segments/s once buffered, ${PACE}× real time), ${SEARCHERS} searchers, ${UPLOADERS} uploaders for ${SECONDS} s…`,
  );

  const book = new LatencyBook();
  const rssBefore = rssMb(webPid);
  const cpuBefore = cpuSeconds(webPid);
  let rssPeak = rssBefore;
  const uploads = { ids: [] as string[], flowMs: [] as number[] };
  const startedAt = performance.now();
  const deadline = startedAt + SECONDS * 1000;
  let lastSegments = 0;
  const ticker = setInterval(() => {
    const rss = rssMb(webPid);
    rssPeak = Math.max(rssPeak, rss);
    const window = book.since("segment", lastSegments).sort((a, b) => a - b);
    lastSegments += window.length;
    const p95 = percentile(window, 0.95);
    progress(
      `${Math.round((performance.now() - startedAt) / 1000)} s: playlist ${book.count("playlist")}, segment ${book.count("segment")} (last ${PROGRESS_EVERY_MS / 1000} s p95 ${Math.round(p95)} ms), search ${book.count("search")}, upload ${book.count("upload")} (${uploads.ids.length} done); errors ${book.errorCount()}; web RSS ${Math.round(rss)} MB; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }, PROGRESS_EVERY_MS);
  const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(webPid))), 1000);
  // Half-way: against the end, whether RSS still grows once the listeners are all playing.
  let rssMid = rssBefore;
  const midway = setTimeout(() => (rssMid = rssMb(webPid)), (SECONDS * 1000) / 2);
  await Promise.all([
    ...Array.from({ length: LISTENERS }, (_, i) => listener(base, book, sermons, i, deadline)),
    ...Array.from({ length: SEARCHERS }, () => searcher(base, book, deadline)),
    ...Array.from({ length: UPLOADERS }, (_, i) =>
      uploader(base, book, cookie, recording, i + 1, deadline, uploads),
    ),
  ]);
  clearInterval(ticker);
  clearInterval(rssSampler);
  clearTimeout(midway);
  const elapsedS = (performance.now() - startedAt) / 1000;
  const rssAfter = rssMb(webPid);
  const webCpuS = cpuSeconds(webPid) - cpuBefore;
  rssPeak = Math.max(rssPeak, rssAfter);
  for (const [reason, count] of book.errorReasons) progress(`errors: ${count} × ${reason}`);

  // How far the pipeline got with the uploads meanwhile: the work it did ran beside the load.
  const uploadStatusesAtEnd: Record<string, number> = {};
  for (const id of uploads.ids) {
    const status = await statusOf(id);
    uploadStatusesAtEnd[status] = (uploadStatusesAtEnd[status] ?? 0) + 1;
  }
  const sortedFlows = uploads.flowMs.sort((a, b) => a - b);
  const result = loadResult({
    book,
    seconds: round(elapsedS),
    webRssMb: { before: rssBefore, mid: rssMid, after: rssAfter, peak: rssPeak },
    extra: {
      listeners: LISTENERS,
      searchers: SEARCHERS,
      uploaders: UPLOADERS,
      pace: PACE,
      sermons: SERMONS,
      sermonMinutes: SERMON_MINUTES,
      segmentSeconds: round(segmentSeconds, 2),
      uploadsCompleted: uploads.ids.length,
      uploadStatusesAtEnd,
      uploadFlowMedianMs: round(sortedFlows[Math.floor(sortedFlows.length / 2)] ?? 0),
      uploadBytes: recording.length,
      keepAliveRetries,
      // What the web process (which also runs the pipeline's steps) used of the machine's cores.
      webCpuS: round(webCpuS),
      coldStartS: round(selah.coldStartS),
      builtWebApp: selah.built,
      seedS: round(seedS),
      cores: availableParallelism(),
      loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
    },
  });
  await cleanUp();
  console.log(JSON.stringify(result));
} catch (error) {
  await cleanUp();
  throw error;
}
agent.destroy();
