import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/client";
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
  expectEachStageRanOnce,
  expectEveryEventSent,
  freePort,
  generateSermonAudio,
  sigkill,
  sleep,
  spawnEngine,
  stopGracefully,
  uploadSermon,
  useAppEnv,
  type ChildEntry,
} from "@/test/pipeline/support/pipeline-processes";
import { signedAppEnv } from "@/test/support/inngest-keys";

let queue: QueueServices;
let workDir: string;
let engineDir: string;
let engineUrl: string;
let engine: ChildEntry | undefined;
let worker: WorkerProcess | undefined;
let appServer: Server | undefined;
let audio: string;
let startEngineProcess: () => Promise<ChildEntry>;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "selah-kill-test-"));
  engineDir = path.join(workDir, "engine");
  // A short visibility timeout: what a killed worker held comes back within seconds.
  const [services, audioPath] = await Promise.all([
    startQueueServices({ maxReceiveCount: 50, visibilityTimeoutSeconds: 4 }),
    generateSermonAudio(workDir, 480),
  ]);
  queue = services;
  audio = audioPath;
  // The engine keeps its port across restarts: the app and the worker know it by URL.
  engineUrl = `http://127.0.0.1:${await freePort()}`;
  const appEnv: Record<string, string | undefined> = {
    DATABASE_URL: queue.services.database.url,
    S3_ENDPOINT: queue.services.aws.endpoint,
    S3_BUCKET: "selah-media",
    S3_FORCE_PATH_STYLE: "true",
    ...signedAppEnv(engineUrl),
  };
  await useAppEnv(appEnv);
  const { inngest } = await import("@/inngest/client");
  const { functions } = await import("@/inngest/index");
  const handler = serve({ client: inngest, functions });
  const server = createServer((req, res) => void handler(req, res));
  appServer = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const port = Number(new URL(engineUrl).port);
  startEngineProcess = () => spawnEngine(port, engineDir, appUrl);
  engine = await startEngineProcess();
  worker = await spawnWorker(
    workerEnvFor(testWorkerConfig(queue.services, queue.queues, engineUrl)),
  );
}, 60_000);

afterAll(async () => {
  for (const child of [worker, engine]) await stopGracefully(child);
  if (appServer) {
    appServer.closeAllConnections();
    await new Promise<void>((resolve) => appServer!.close(() => resolve()));
  }
  await getDb().$disconnect();
  await queue?.stop();
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("SIGKILL of the engine and of the worker mid-processing", () => {
  it("still makes the sermon searchable, with one run per event and no event lost", async () => {
    const db = queue.db;
    const { stages, read } = await uploadSermon(db, audio, "killed-twice");
    const [, requested] = stages;

    // The engine dies while the transcode step runs, and comes back on the same data.
    await waitUntil(
      async () => ((await read()).transcodePercent ?? 0) > 0,
      60_000,
      () => "the transcode to start",
    );
    // Streamable already (listeners play it while it transcodes), the transcode not done.
    const atEngineKill = await read();
    expect(atEngineKill.status).toBeOneOf(["processing", "streamable"]);
    expect(atEngineKill.transcodePercent).toBeLessThan(100);
    await sigkill(engine!);
    await sleep(500);
    engine = await startEngineProcess();

    // The worker dies around the transcription request: just as its outbox row appears.
    await waitUntil(
      async () => (await db.outbox.count({ where: { eventId: requested!.id } })) > 0,
      60_000,
      () => "the transcription request in the outbox",
    );
    await sigkill(worker!);
    worker = await spawnWorker(
      workerEnvFor(testWorkerConfig(queue.services, queue.queues, engineUrl)),
    );

    let status: string | undefined;
    await waitUntil(
      async () => {
        status = (await read()).status;
        return status === "searchable";
      },
      90_000,
      () => `searchable (is ${status})`,
    );

    await expectEachStageRanOnce(engineUrl, stages);
    await expectEveryEventSent(db, stages);
    expect(await read()).toMatchObject({ status: "searchable", transcodePercent: 100 });
  }, 150_000);
});
