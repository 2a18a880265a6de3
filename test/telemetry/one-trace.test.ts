import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/client";
import { startTracing, type Tracing } from "@/lib/platform/telemetry/start-tracing";
import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import {
  spawnWorker,
  startQueueServices,
  testWorkerConfig,
  waitUntil,
  workerEnvFor,
  type QueueServices,
  type WorkerProcess,
} from "@/test/events/support/event-path";
import {
  freePort,
  generateSermonAudio,
  spawnEngine,
  spawnFunctions,
  stopGracefully,
  useAppEnv,
  type ChildEntry,
} from "@/test/pipeline/support/pipeline-processes";
import { sendLikeABrowser } from "@/test/pipeline/support/upload-like-a-browser";
import { signedAppEnv } from "@/test/support/inngest-keys";
import { startOtlpReceiver } from "./otlp-receiver";

// One sermon's journey as one trace: the upload's completion (here, the test process plays the
// web app and calls the route's own function), the outbox, SQS, the worker (its own process),
// the engine, and the function run's steps (the app's functions in their own process).

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let queue: QueueServices;
let workDir: string;
let web: Tracing;
let engine: ChildEntry | undefined;
let functions: (ChildEntry & { url: string }) | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Every process below reads these: spans to the receiver, sent within a fifth of a second.
  Object.assign(process.env, {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
  web = startTracing("selah-web");
  workDir = await mkdtemp(path.join(tmpdir(), "selah-trace-test-"));
  queue = await startQueueServices();
  const engineUrl = `http://127.0.0.1:${await freePort()}`;
  const appEnv = {
    DATABASE_URL: queue.services.database.url,
    S3_ENDPOINT: queue.services.aws.endpoint,
    S3_BUCKET: "selah-media",
    S3_FORCE_PATH_STYLE: "true",
    ...signedAppEnv(engineUrl),
  };
  await useAppEnv(appEnv);
  functions = await spawnFunctions(await freePort(), appEnv);
  engine = await spawnEngine(
    Number(new URL(engineUrl).port),
    path.join(workDir, "engine"),
    functions.url,
  );
  worker = await spawnWorker(
    workerEnvFor(testWorkerConfig(queue.services, queue.queues, engineUrl)),
  );
}, 90_000);

afterAll(async () => {
  for (const child of [worker, engine, functions]) await stopGracefully(child);
  await web?.shutdown();
  await getDb().$disconnect();
  await queue?.stop();
  await receiver?.close();
  for (const name of [
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_PROTOCOL",
    "OTEL_BSP_SCHEDULE_DELAY",
  ])
    delete process.env[name];
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("tracing", () => {
  it("follows one upload from its completion through the worker into the function's steps as one trace", async () => {
    const db = queue.db;
    const church = await db.church.create({ data: { slug: "traced", name: "Traced" } });
    const sermon = await db.sermon.create({
      data: { churchId: church.id, slug: "traced", title: "Traced", publishState: "published" },
    });
    const { mediaStorage } = await import("@/lib/platform/storage/media-storage");
    const storage = mediaStorage();
    const ctx: UploadContext = {
      db,
      s3: storage.s3,
      bucket: storage.bucket,
      maxBytes: 100 * 1024 * 1024,
      toBrowserUrl: (url) => url,
    };
    const ref = { churchId: church.id, sermonId: sermon.id };
    const audio = await readFile(await generateSermonAudio(workDir, 12));
    const sent = await sendLikeABrowser(ctx, ref, audio, "sermon.mp3");
    await sent.complete();
    await web.forceFlush();

    const upload = () => receiver.spans.find((span) => span.name === "upload.complete");
    await waitUntil(
      async () => {
        const traceId = upload()?.traceId;
        const inTrace = receiver.spans.filter((span) => span.traceId === traceId);
        return (
          inTrace.some((span) => span.name === "forward sermon/uploaded") &&
          inTrace.some((span) => span.name.startsWith("step process-sermon/"))
        );
      },
      60_000,
      () =>
        `one trace from upload to step; got ${JSON.stringify(receiver.spans.map((s) => [s.service, s.name, s.traceId.slice(0, 8)]))}`,
    );
    const traceId = upload()!.traceId;
    const inTrace = receiver.spans.filter((span) => span.traceId === traceId);
    const forward = inTrace.find((span) => span.name === "forward sermon/uploaded")!;
    const step = inTrace.find((span) => span.name.startsWith("step process-sermon/"))!;
    // Three processes: the web app's request, the worker, and the functions the web app serves.
    expect(upload()!).toMatchObject({ service: "selah-web", pid: process.pid });
    expect(forward).toMatchObject({ service: "selah-worker", pid: worker!.child.pid });
    expect(step).toMatchObject({ service: "selah-web", pid: functions!.child.pid });
    // Each continues the one before it: the worker's span under the upload's, the step under the worker's.
    expect(forward.parentSpanId).toBe(upload()!.spanId);
    expect(step.parentSpanId).toBe(forward.spanId);
  }, 120_000);
});
