import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  sermonTranscribed,
  sermonTranscriptionRequested,
  sermonUploaded,
} from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { getDb } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import { uploadFile } from "@/lib/platform/storage/upload-file";
import {
  engineGet,
  spawnWorker,
  startQueueServices,
  testWorkerConfig,
  waitUntil,
  workerEnvFor,
  type QueueServices,
  type WorkerProcess,
} from "@/test/events/support/event-path";
import { signedAppEnv, testInngestKeys } from "@/test/support/inngest-keys";
import { generateMedia } from "@/test/support/test-media";

type EngineProcess = {
  child: ChildProcess;
  exited: Promise<unknown>;
  output: string[];
};

/** `engine/main.ts` as its own process, signed as under `npm start`; resolves once it listens. */
async function spawnEngine(port: number, dataDir: string, appUrl: string): Promise<EngineProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("engine/main.ts")], {
    env: {
      ...process.env,
      ENGINE_PORT: String(port),
      ENGINE_HOST: "127.0.0.1",
      ENGINE_DATA_DIR: dataDir,
      ENGINE_APP_URLS: appUrl,
      ENGINE_BACKOFF_SCALE: "0.001",
      ENGINE_LOG_LEVEL: "error",
      INNGEST_SIGNING_KEY: testInngestKeys.signingKey,
      INNGEST_SIGNING_KEY_FALLBACK: undefined,
      INNGEST_EVENT_KEY: testInngestKeys.eventKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`engine did not start:\n${output.join("\n")}`)),
      30_000,
    );
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        if (line.includes("engine listening on")) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exited.then(() => reject(new Error(`engine exited during start:\n${output.join("\n")}`)));
  });
  return { child, exited, output };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function sigkill(target: { child: ChildProcess; exited: Promise<unknown> }) {
  target.child.kill("SIGKILL");
  await target.exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let queue: QueueServices;
let workDir: string;
let engineDir: string;
let engineUrl: string;
let engine: EngineProcess | undefined;
let worker: WorkerProcess | undefined;
let appServer: Server | undefined;
let audio: string;
let startEngineProcess: () => Promise<EngineProcess>;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "selah-kill-test-"));
  engineDir = path.join(workDir, "engine");
  // A short visibility timeout: what a killed worker held comes back within seconds.
  const [services, audioPath] = await Promise.all([
    startQueueServices({ maxReceiveCount: 50, visibilityTimeoutSeconds: 4 }),
    generateMedia(workDir, "sermon.mp3", [
      ...["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=120"],
      ...["-af", "volume='if(lt(mod(t,10),8),0.5,0)':eval=frame"],
      ...["-c:a", "libmp3lame", "-b:a", "96k"],
    ]),
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
  for (const [name, value] of Object.entries(appEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const storage = mediaStorage();
  await ensureBucket(storage.s3, storage.bucket);
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
  for (const child of [worker, engine]) {
    if (child && child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill("SIGTERM");
      await child.exited;
    }
  }
  if (appServer) {
    appServer.closeAllConnections();
    await new Promise<void>((resolve) => appServer!.close(() => resolve()));
  }
  await getDb().$disconnect();
  await queue?.stop();
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

type EngineRun = { run_id: string; status: string };

async function runsOf(eventId: string, eventName: string): Promise<EngineRun[]> {
  const events = (await (
    await engineGet(`${engineUrl}/v1/events?limit=1000&name=${encodeURIComponent(eventName)}`)
  ).json()) as { data: { internal_id: string; id?: string }[] };
  const runs: EngineRun[] = [];
  for (const event of events.data.filter((e) => e.id === eventId)) {
    const body = (await (
      await engineGet(`${engineUrl}/v1/events/${event.internal_id}/runs`)
    ).json()) as { data: EngineRun[] };
    runs.push(...body.data);
  }
  return runs;
}

describe("SIGKILL of the engine and of the worker mid-processing", () => {
  it("still makes the sermon searchable, with one run per event and no event lost", async () => {
    const db = queue.db;
    const church = await db.church.create({ data: { slug: "kill-church", name: "Kill Church" } });
    const sermon = await db.sermon.create({
      data: {
        churchId: church.id,
        slug: "killed-twice",
        title: "Killed twice",
        status: "processing",
        publishState: "published",
        mediaVersion: 1,
      },
    });
    const storage = mediaStorage();
    const objectKey = `churches/${church.id}/sermons/${sermon.id}/v1/original/sermon.mp3`;
    await uploadFile(storage.s3, storage.bucket, objectKey, audio, "application/octet-stream");
    const uploaded = sermonUploaded.build({
      sermonId: sermon.id,
      churchId: church.id,
      mediaVersion: 1,
      objectKey,
    });
    await db.$transaction((tx) => publishEvent(tx, uploaded));
    const read = () => db.sermon.findUniqueOrThrow({ where: { id: sermon.id } });

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
    const requestedId = sermonTranscriptionRequested.build({
      sermonId: sermon.id,
      churchId: church.id,
      mediaVersion: 1,
    }).id;
    await waitUntil(
      async () => (await db.outbox.count({ where: { eventId: requestedId } })) > 0,
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

    // Every stage ran once, to completion, whatever it took in step retries.
    const stages = [
      [uploaded.id, sermonUploaded.name],
      [requestedId, sermonTranscriptionRequested.name],
      [`sermon-transcribed:${sermon.id}:v1`, sermonTranscribed.name],
    ] as const;
    for (const [eventId, eventName] of stages) {
      await waitUntil(
        async () => (await runsOf(eventId, eventName)).some((run) => run.status === "Completed"),
        30_000,
        () => `the run of ${eventId} to complete`,
      );
    }
    // Late redeliveries (SQS is at-least-once) would show by now.
    await sleep(2000);
    for (const [eventId, eventName] of stages) {
      const runs = await runsOf(eventId, eventName);
      expect(
        runs.map((run) => run.status),
        eventId,
      ).toEqual(["Completed"]);
    }

    // No event lost: every row the pipeline wrote went out.
    await waitUntil(
      async () => (await db.outbox.count({ where: { sentAt: null } })) === 0,
      30_000,
      () => "every outbox row sent",
    );
    const rows = await db.outbox.findMany({ orderBy: { eventId: "asc" } });
    expect(rows.map((row) => row.eventId)).toEqual(
      expect.arrayContaining([uploaded.id, requestedId, `sermon-transcribed:${sermon.id}:v1`]),
    );
    expect(rows.filter((row) => row.name === "sermon/failed")).toEqual([]);
    expect(await read()).toMatchObject({ status: "searchable", transcodePercent: 100 });
  }, 150_000);
});
