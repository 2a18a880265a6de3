// npx tsx bench/pipeline.ts [minutes] — "upload complete → first playable segment" through the
// real process-sermon: the original already in S3 and `sermon/uploaded` committed to the outbox
// (what the upload flow does last), then outbox relay → SQS → worker → engine → the function
// over HTTP → ffmpeg → S3 → PGlite, all embedded, on this machine.
//
// Figures: seconds from the outbox commit until the sermon is streamable, until a listener's
// first segment request through GET /media succeeds, and until the run ends (everything
// uploaded and recorded), plus the realtime factor of the whole run. The last line is JSON.
import { join } from "node:path";
import { loadavg } from "node:os";
import { serveSermonMedia } from "@/lib/catalog/playback/serve-sermon-media";
import { startPipeline } from "../test/pipeline/support/pipeline-harness";
import { requireTools } from "./support/require-tools";
import { benchInput, benchInputTools } from "./transcode-fixture";

const minutes = Number(process.argv[2] ?? 60);
const cacheDir = join(process.cwd(), ".data", "bench");
// process-sermon's media step spawns ffprobe, ffmpeg and mkfifo. (The transcription it requests
// at the end runs after the figures; without pocketsphinx it fails, and the bench does not care.)
const fixtureTools = await benchInputTools(cacheDir, minutes * 60);
await requireTools("bench:pipeline", ["ffmpeg", "ffprobe", "mkfifo", ...fixtureTools]);
const input = await benchInput(cacheDir, minutes * 60);
const loadAtStart = loadavg()[0] ?? 0;
const pipeline = await startPipeline();
try {
  const sermon = await pipeline.createSermon({ slug: `bench-${Date.now()}` });
  const published = performance.now();
  const event = await pipeline.upload(sermon, input, { fileName: "sermon.mp3" });
  const uploadedAt = performance.now();
  const since = () => (performance.now() - uploadedAt) / 1000;

  await pipeline.waitForStatus(sermon.id, ["streamable"], 600_000);
  const streamableS = since();
  const get = (path: string) =>
    serveSermonMedia(
      new Request(`http://bench.local/media/${sermon.id}/${path}`),
      sermon.id,
      path.split("/"),
      { db: pipeline.db, storage: pipeline.storage },
    );
  const master = await (await get("v1/master.m3u8")).text();
  const variant = master.split("\n").find((line) => line.endsWith(".m3u8"))!;
  const playlist = await (await get(`v1/${variant}`)).text();
  const rendition = variant.split("/")[0]!;
  const firstSegment = playlist.split("\n").find((line) => line.endsWith(".m4s"))!;
  const segment = await get(`v1/${rendition}/${firstSegment}`);
  if (segment.status !== 200) throw new Error(`first segment answered ${segment.status}`);
  await segment.arrayBuffer();
  const firstSegmentS = since();

  const run = await pipeline.endedRun(event.id, 1_800_000);
  const doneS = since();
  if (run.status !== "Completed")
    throw new Error(`run ${run.status}: ${JSON.stringify(run.error)}`);
  const output = run.output as { streamableAfterMs: number };

  const figures = {
    inputMinutes: minutes,
    originalUploadS: round((uploadedAt - published) / 1000),
    streamableS: round(streamableS),
    firstSegmentS: round(firstSegmentS),
    insideStepStreamableS: round(output.streamableAfterMs / 1000),
    runS: round(doneS),
    realtimeFactor: round((minutes * 60) / doneS),
    loadAverageAtStart: round(loadAtStart),
  };
  console.log(`input                     ${minutes} min MP3 (${input})`);
  console.log(`upload complete → streamable          ${figures.streamableS} s`);
  console.log(`upload complete → first segment served ${figures.firstSegmentS} s`);
  console.log(`  of which inside the transcode step    ${figures.insideStepStreamableS} s`);
  console.log(
    `upload complete → run finished         ${figures.runS} s (${figures.realtimeFactor}× realtime)`,
  );
  console.log(`load average at start     ${figures.loadAverageAtStart} (2 cores)`);
  console.log(JSON.stringify(figures));
} finally {
  await pipeline.stop();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
