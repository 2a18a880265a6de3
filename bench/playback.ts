// npm run bench:playback — what a listener waits for. Runs Selah as `npm start` does (embedded
// default, fresh temp SELAH_DATA_DIR, free ports), uploads one sermon through the admin API with
// its captions and lets the real pipeline finish, then measures:
//   (a) serving: the sermon's HLS segments (whole GETs) and its download (1 MiB range GETs, as a
//       browser or podcast app seeking in it) through the app's /media route handler, against a
//       static file server (sirv) serving the very same files copied to disk. Rounds alternate
//       route, static, route, static… (BENCH_PLAYBACK_ROUNDS each, BENCH_PLAYBACK_ROUND_SECONDS
//       long, BENCH_PLAYBACK_CONCURRENCY requests in flight), so both see the same machine.
//       `routeToStaticRatio` is the lower of the two kinds' route/static request rates. Range
//       answers, caching headers and conditional GETs are checked on the way (`checks`; a failed
//       check fails the run).
//   (b) in Debian's Chromium: time from pressing Play on the sermon page to the audio's clock
//       moving (BENCH_PLAYBACK_TRIES fresh browser contexts, so nothing is cached; p50/p95);
//       the JavaScript a listener's browser downloads for the sermon page and playing it
//       (compressed, as transferred: `listenerJsKb`); the largest contentful paint of the home,
//       church, sermon and search pages (p95 over BENCH_PLAYBACK_LCP_TRIES cold loads each).
// Progress goes to stderr; the last line on stdout is one JSON object with those figures and
// the load average.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import sirv from "sirv";
import {
  agent,
  captionsFor,
  churchApi,
  send,
  signIn,
  strictCall,
  uploadSermon,
  waitForStatus,
} from "./support/admin-http";
import { parseMediaPlaylist, variantUris } from "./support/hls-listener";
import { percentile, round } from "./support/load-stats";
import { createAdmin, type RunningSelah, startSelah, stopSelah } from "./support/embedded-selah";
import { numberSetting } from "./support/number-setting";
import { requireTools } from "./support/require-tools";
import { benchInput, benchInputTools } from "./transcode-fixture";

const setting = (name: string, fallback: number) => numberSetting(name, fallback, "positive");
const ROUNDS = setting("BENCH_PLAYBACK_ROUNDS", 3);
const ROUND_SECONDS = setting("BENCH_PLAYBACK_ROUND_SECONDS", 4);
const CONCURRENCY = setting("BENCH_PLAYBACK_CONCURRENCY", 8);
const TRIES = setting("BENCH_PLAYBACK_TRIES", 20);
const LCP_TRIES = setting("BENCH_PLAYBACK_LCP_TRIES", 5);
const SERMON_MINUTES = setting("BENCH_PLAYBACK_SERMON_MINUTES", 10);
/** The window of one download range request. */
const RANGE_BYTES = 1024 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "chromium";

const ROOT = process.cwd();
const SELAH_LOG = path.join(ROOT, ".data", "bench", "playback-selah.log");
const CHURCH = { slug: "playback-chapel", name: "Playback Chapel" };
const ADMIN = { email: "it@playback.example", password: "bench-playback-password-1" };
const TITLE = "The Good Shepherd";
const SERMON_PATH = `/churches/${CHURCH.slug}/sermons/the-good-shepherd`;
const LINES = [
  "The Lord is my shepherd; I shall not want.",
  "He makes me lie down in green pastures and leads me beside still waters.",
  "Even though I walk through the valley of the shadow of death, I will fear no evil.",
  "Surely goodness and mercy shall follow me all the days of my life.",
];
const progress = (line: string) => console.error(`[bench:playback] ${line}`);
const sha = (body: Buffer) => createHash("sha256").update(body).digest("hex");

// ── Serving: the route handler against a static file server on the same files ──────────────

interface Files {
  /** Segment paths (init included) of every rendition, as the route serves them. */
  segments: string[];
  download: string;
  downloadSize: number;
  master: string;
}

/** Reads the sermon's HLS tree and download through the route, into `dir` at the same paths. */
async function mirrorMedia(base: string, root: string, dir: string): Promise<Files> {
  const strict = strictCall(base);
  const save = async (target: string) => {
    const body = (await strict("GET", target))!.body;
    await mkdir(path.dirname(path.join(dir, target)), { recursive: true });
    await writeFile(path.join(dir, target), body);
    return body;
  };
  const master = `${root}master.m3u8`;
  const segments: string[] = [];
  for (const variant of variantUris((await save(master)).toString())) {
    const playlist = parseMediaPlaylist((await save(root + variant)).toString());
    const folder = root + variant.slice(0, variant.lastIndexOf("/") + 1);
    for (const uri of [playlist.init, ...playlist.segments.map((segment) => segment.uri)])
      if (uri) segments.push(folder + uri);
  }
  for (const segment of segments) await save(segment);
  const download = `${root}download.m4a`;
  const downloadSize = (await save(download)).length;
  return { segments, download, downloadSize, master };
}

async function serveStatic(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  // What a CDN or nginx in front of the files would do: ETag, Range, long-lived caching.
  const handler = sirv(dir, { etag: true, immutable: true, maxAge: 31_536_000, dev: false });
  const server = http.createServer((request, response) =>
    handler(request, response, () => void response.writeHead(404).end()),
  );
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Target = { path: string; headers?: Record<string, string>; status: number };

interface Tally {
  requests: number;
  bytes: number;
  seconds: number;
  latenciesMs: number[];
  errors: number;
}

const emptyTally = (): Tally => ({ requests: 0, bytes: 0, seconds: 0, latenciesMs: [], errors: 0 });

/** CONCURRENCY loops requesting `targets` in turn for `seconds`; adds what they did to `tally`. */
async function hammer(base: string, targets: Target[], seconds: number, tally: Tally) {
  let next = Math.floor(Math.random() * targets.length);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const target = targets[next++ % targets.length]!;
        const sent = performance.now();
        try {
          const reply = await send(base, "GET", target.path, { headers: target.headers });
          tally.latenciesMs.push(performance.now() - sent);
          tally.requests++;
          tally.bytes += reply.body.length;
          if (reply.status !== target.status) tally.errors++;
        } catch {
          tally.errors++;
        }
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
}

function summary(tally: Tally) {
  const sorted = tally.latenciesMs.sort((a, b) => a - b);
  return {
    requestsPerSecond: round(tally.requests / tally.seconds),
    megabytesPerSecond: round(tally.bytes / 1e6 / tally.seconds),
    p50Ms: round(percentile(sorted, 0.5), 2),
    p95Ms: round(percentile(sorted, 0.95), 2),
    requests: tally.requests,
    errors: tally.errors,
  };
}

/** Alternating rounds, route first then static, so drift in the machine's load hits both. */
async function compare(routeBase: string, staticBase: string, targets: Target[]) {
  const route = emptyTally();
  const fixed = emptyTally();
  // Warm-up, not counted: connections open, caches as a running server has them.
  await hammer(routeBase, targets, 1, emptyTally());
  await hammer(staticBase, targets, 1, emptyTally());
  for (let round = 0; round < ROUNDS; round++) {
    await hammer(routeBase, targets, ROUND_SECONDS, route);
    await hammer(staticBase, targets, ROUND_SECONDS, fixed);
  }
  const routeSummary = summary(route);
  const staticSummary = summary(fixed);
  return {
    route: routeSummary,
    static: staticSummary,
    ratio: round(routeSummary.requestsPerSecond / staticSummary.requestsPerSecond, 3),
  };
}

/** What browsers, CDNs and podcast apps rely on, asked of the route (each check named). */
async function checkServing(base: string, staticBase: string, files: Files) {
  const get = (target: string, headers: Record<string, string> = {}) =>
    send(base, "GET", target, { headers });
  const segment = files.segments[1] ?? files.segments[0]!;
  const [whole, fixedWhole] = await Promise.all([get(segment), send(staticBase, "GET", segment)]);
  const download = await readFile(path.join(mirrorDir, files.download));
  const middle = await get(files.download, { range: "bytes=100-199" });
  const suffix = await get(files.download, { range: "bytes=-500" });
  const beyond = await get(files.download, { range: `bytes=${files.downloadSize + 10}-` });
  const etag = String(whole.headers.etag ?? "");
  const revalidated = await get(segment, { "if-none-match": etag });
  const master = await get(files.master);
  const downloadHead = await send(base, "HEAD", files.download);
  progress(
    `HEAD ${files.download} → ${downloadHead.status} content-length ${downloadHead.headers["content-length"]} accept-ranges ${downloadHead.headers["accept-ranges"]} (file ${files.downloadSize} bytes)`,
  );
  const cacheControl = String(whole.headers["cache-control"] ?? "");
  const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  return {
    segmentSameBytesAsStatic: whole.status === 200 && sha(whole.body) === sha(fixedWhole.body),
    segmentCachedImmutably: /immutable/.test(cacheControl) && maxAge >= 86_400,
    playlistHasCacheControl: master.status === 200 && Boolean(master.headers["cache-control"]),
    segmentEtagRevalidates: etag !== "" && revalidated.status === 304,
    rangeMiddle:
      middle.status === 206 &&
      middle.headers["content-range"] === `bytes 100-199/${files.downloadSize}` &&
      middle.body.equals(download.subarray(100, 200)),
    rangeSuffix:
      suffix.status === 206 && suffix.body.equals(download.subarray(download.length - 500)),
    rangeBeyondEndIs416: beyond.status === 416,
    downloadHeadLength:
      downloadHead.status === 200 &&
      Number(downloadHead.headers["content-length"]) === files.downloadSize &&
      downloadHead.headers["accept-ranges"] === "bytes",
  };
}

// ── In Chromium: first audio, JavaScript shipped, largest contentful paint ───────────────────

/** Presses Play on a cold load of the sermon page; ms from the press until the clock moves. */
async function firstAudioMs(browser: Browser, base: string, scripts?: Map<string, number>) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  if (scripts) countScripts(page, base, scripts);
  await page.goto(SERMON_PATH, { waitUntil: "load" });
  const play = page.getByRole("button", { name: "Play" });
  await play.waitFor();
  await page.evaluate(() => {
    const state = window as unknown as { pressedAt?: number; movedAt?: number };
    document.addEventListener("pointerdown", () => (state.pressedAt ??= performance.now()), {
      capture: true,
    });
    // Media events do not bubble, but an ancestor's capturing listener sees them: this works
    // whichever audio element plays, and whenever the player mounts it. The clock has moved
    // once it passes where playback began: the position when play was asked for, or where a
    // seek (to the sermon's start, say) put it. It is read every 10 ms rather than at
    // `timeupdate`, which Chromium sends only every 250 ms.
    const from = new WeakMap<EventTarget, number>();
    for (const type of ["play", "seeked"])
      document.addEventListener(
        type,
        (event) => from.set(event.target!, (event.target as HTMLAudioElement).currentTime),
        { capture: true },
      );
    const clock = setInterval(() => {
      if (state.pressedAt === undefined) return;
      for (const audio of document.querySelectorAll("audio")) {
        if (audio.paused || audio.seeking || !from.has(audio)) continue;
        if (audio.currentTime > from.get(audio)!) {
          state.movedAt = performance.now();
          clearInterval(clock);
        }
      }
    }, 10);
  });
  await play.click();
  const handle = await page.waitForFunction(
    () => {
      const state = window as unknown as { pressedAt?: number; movedAt?: number };
      return state.movedAt !== undefined && state.pressedAt !== undefined
        ? state.movedAt - state.pressedAt
        : false;
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

/** Adds up the compressed size of every script `page` loads from Selah, by URL. */
function countScripts(page: Page, base: string, scripts: Map<string, number>) {
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script" || !request.url().startsWith(base)) return;
    void request.sizes().then((sizes) => scripts.set(request.url(), sizes.responseBodySize));
  });
}

/** The largest contentful paint of a cold load of `target`, in ms from navigation start. */
async function largestContentfulPaintMs(browser: Browser, base: string, target: string) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto(target, { waitUntil: "load" });
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 5_000);
      }),
  );
  await context.close();
  return ms;
}

const p95 = (values: number[]) =>
  round(
    percentile(
      values.filter(Number.isFinite).sort((a, b) => a - b),
      0.95,
    ),
  );

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

const cacheDir = path.join(ROOT, ".data", "bench");
const sermonSeconds = Math.round(SERMON_MINUTES * 60);
await requireTools("bench:playback", [
  "ffmpeg",
  "ffprobe",
  CHROMIUM,
  ...(await benchInputTools(cacheDir, sermonSeconds)),
]);
const recording = await readFile(await benchInput(cacheDir, sermonSeconds));
const loadAtStart = loadavg()[0]!;
const dataDir = await mkdtemp(path.join(tmpdir(), "selah-bench-playback-"));
const mirrorDir = await mkdtemp(path.join(tmpdir(), "selah-bench-playback-static-"));
let selah: RunningSelah | undefined;
let staticServer: Awaited<ReturnType<typeof serveStatic>> | undefined;
let browser: Browser | undefined;

const cleanUp = async () => {
  await browser?.close();
  await staticServer?.close();
  await stopSelah(selah?.launcher);
  agent.destroy();
  await rm(dataDir, { recursive: true, force: true });
  await rm(mirrorDir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  progress(`starting Selah (npm start's launcher) in ${dataDir}; its output: ${SELAH_LOG}…`);
  selah = await startSelah(dataDir, { log: SELAH_LOG, progress });
  const base = selah.url;
  progress(`Selah is up at ${base}; seeding one ${SERMON_MINUTES}-minute sermon with captions…`);
  await createAdmin(dataDir, ADMIN, CHURCH);
  const cookie = await signIn(base, ADMIN);
  const strict = strictCall(base);
  const uploaded = (await uploadSermon(strict, base, CHURCH.slug, cookie, recording, {
    title: TITLE,
    scripture: "Ps 23",
    publishState: "published",
  }))!;
  await strict("POST", `${churchApi(CHURCH.slug)}/sermons/${uploaded.id}/transcript`, {
    headers: { cookie, "content-type": "text/vtt" },
    body: captionsFor(LINES, sermonSeconds),
  });
  // Measured once the pipeline is done, so its work does not share the machine with the figures.
  await waitForStatus(strict, CHURCH.slug, cookie, [uploaded.id], ["searchable"], {
    timeoutMs: 10 * 60_000,
    logHint: SELAH_LOG,
  });

  const root = `/media/${uploaded.id}/v${uploaded.mediaVersion}/`;
  const files = await mirrorMedia(base, root, mirrorDir);
  staticServer = await serveStatic(mirrorDir);
  progress(
    `serving: ${files.segments.length} segments and a ${round(files.downloadSize / 1e6)} MB download, route vs static, ${ROUNDS} × ${ROUND_SECONDS} s each, ${CONCURRENCY} in flight…`,
  );
  const checks = await checkServing(base, staticServer.base, files);
  const segments = await compare(
    base,
    staticServer.base,
    files.segments.map((segment) => ({ path: segment, status: 200 })),
  );
  progress(
    `segments: route ${segments.route.requestsPerSecond}/s (p95 ${segments.route.p95Ms} ms), static ${segments.static.requestsPerSecond}/s (p95 ${segments.static.p95Ms} ms): ${segments.ratio}`,
  );
  const windows = Math.max(1, Math.floor(files.downloadSize / RANGE_BYTES));
  const downloads = await compare(
    base,
    staticServer.base,
    Array.from({ length: windows }, (_, i) => ({
      path: files.download,
      headers: { range: `bytes=${i * RANGE_BYTES}-${(i + 1) * RANGE_BYTES - 1}` },
      status: 206,
    })),
  );
  progress(
    `download ranges: route ${downloads.route.requestsPerSecond}/s (p95 ${downloads.route.p95Ms} ms), static ${downloads.static.requestsPerSecond}/s (p95 ${downloads.static.p95Ms} ms): ${downloads.ratio}`,
  );

  progress(`Chromium: ${TRIES} cold presses of Play, then largest contentful paints…`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"],
  });
  const scripts = new Map<string, number>();
  const firstAudio: number[] = [];
  for (let i = 0; i < TRIES; i++)
    firstAudio.push(await firstAudioMs(browser, base, i === 0 ? scripts : undefined));
  const sortedFirstAudio = [...firstAudio].sort((a, b) => a - b);
  const listenerJsKb = round([...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024);
  const largest = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  progress(
    `largest scripts: ${largest.map(([url, size]) => `${new URL(url).pathname} ${round(size / 1024)} KB`).join(", ")}`,
  );
  progress(
    `first audio p50 ${round(percentile(sortedFirstAudio, 0.5))} ms, p95 ${round(percentile(sortedFirstAudio, 0.95))} ms; ${scripts.size} scripts, ${listenerJsKb} KB`,
  );
  const pages = {
    home: "/",
    church: `/churches/${CHURCH.slug}`,
    sermon: SERMON_PATH,
    search: "/search?q=shepherd",
  };
  const lcpP95Ms: Record<string, number> = {};
  for (const [name, target] of Object.entries(pages)) {
    const paints: number[] = [];
    for (let i = 0; i < LCP_TRIES; i++)
      paints.push(await largestContentfulPaintMs(browser, base, target));
    lcpP95Ms[name] = p95(paints);
  }
  progress(`largest contentful paint p95: ${JSON.stringify(lcpP95Ms)}`);

  const failedChecks = Object.entries(checks).filter(([, ok]) => !ok);
  const result = {
    routeToStaticRatio: Math.min(segments.ratio, downloads.ratio),
    firstAudioP95Ms: round(percentile(sortedFirstAudio, 0.95)),
    firstAudioP50Ms: round(percentile(sortedFirstAudio, 0.5)),
    listenerJsKb,
    lcpP95Ms,
    serving: { segments, downloadRanges: downloads },
    checks,
    tries: TRIES,
    concurrency: CONCURRENCY,
    sermonMinutes: SERMON_MINUTES,
    cores: availableParallelism(),
    loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
  };
  await cleanUp();
  console.log(JSON.stringify(result));
  if (failedChecks.length) {
    console.error(
      `[bench:playback] failed checks: ${failedChecks.map(([name]) => name).join(", ")}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  await cleanUp();
  throw error;
}
