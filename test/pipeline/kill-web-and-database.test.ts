import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { startEmbeddedAws, type EmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import { ensureQueues, type QueueUrls } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import {
  spawnWorker,
  testWorkerConfig,
  waitUntil,
  workerEnvFor,
  type WorkerProcess,
} from "@/test/events/support/event-path";
import {
  expectEachStageRanOnce,
  expectEveryEventSent,
  freePort,
  generateSermonAudio,
  processGroupOf,
  runsOf,
  sigkill,
  sigkillGroup,
  sleep,
  spawnDatabase,
  spawnEngine,
  spawnFunctions,
  stopGracefully,
  untilReachable,
  uploadSermon,
  useAppEnv,
  type ChildEntry,
} from "@/test/pipeline/support/pipeline-processes";
import { testAwsEnv } from "@/test/support/embedded-services";
import { signedAppEnv } from "@/test/support/inngest-keys";

// The web app's side of the pipeline (the Inngest functions it serves at /api/inngest) and the
// embedded database, each its own process as under `npm start`, SIGKILLed mid-processing and
// started again on the same port (and data). The engine, the worker and the database are the
// real entries; only fauxqs runs in this process.

let workDir: string;
let databaseDir: string;
let databasePort: number;
let database: (ChildEntry & { url: string }) | undefined;
let aws: EmbeddedAws | undefined;
let sqs: SQSClient | undefined;
let queues: QueueUrls;
let db: Db | undefined;
let functionsPort: number;
let functionsEnv: Record<string, string | undefined>;
let functions: ChildEntry | undefined;
let engine: ChildEntry | undefined;
let engineUrl: string;
let worker: WorkerProcess | undefined;
let audio: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "selah-kill-web-db-"));
  databaseDir = path.join(workDir, "pglite");
  [databasePort, functionsPort] = [await freePort(), await freePort()];
  engineUrl = `http://127.0.0.1:${await freePort()}`;
  const [startedDatabase, startedAws, audioPath] = await Promise.all([
    spawnDatabase(databaseDir, databasePort),
    startEmbeddedAws({ dataDir: path.join(workDir, "fauxqs"), port: 0 }),
    generateSermonAudio(workDir, 90),
  ]);
  database = startedDatabase;
  aws = startedAws;
  audio = audioPath;
  await migrate(database.url);
  sqs = createSqsClient(testAwsEnv(aws.endpoint));
  // As in kill-mid-processing: a short visibility timeout brings back within seconds whatever
  // a failed forward left in flight.
  queues = await ensureQueues(sqs, {
    mainQueueName: "events",
    deadLetterQueueName: "events-dlq",
    maxReceiveCount: 50,
    visibilityTimeoutSeconds: 4,
  });

  functionsEnv = {
    DATABASE_URL: database.url,
    AWS_REGION: "us-east-1",
    S3_ENDPOINT: aws.endpoint,
    S3_BUCKET: "selah-media",
    S3_FORCE_PATH_STYLE: "true",
    ...signedAppEnv(engineUrl),
  };
  // This process uploads the original the way the upload flow does: the same storage settings.
  await useAppEnv(functionsEnv);
  db = createDb(database.url, 2);

  const started = await spawnFunctions(functionsPort, functionsEnv);
  functions = started;
  // Retries spaced a tenth of Inngest's (1.5 s, 3 s, 6 s… plus jitter): as in production, a
  // restart of a few seconds is well inside a step's retries.
  engine = await spawnEngine(
    Number(new URL(engineUrl).port),
    path.join(workDir, "engine"),
    started.url,
    { backoffScale: 0.1 },
  );
  worker = await spawnWorker(workerEnvFor(testWorkerConfig({ database, aws }, queues, engineUrl)));
}, 90_000);

afterAll(async () => {
  for (const child of [worker, engine, functions]) await stopGracefully(child);
  await db?.$disconnect();
  sqs?.destroy();
  await aws?.stop();
  await stopGracefully(database);
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

/** The transcode's encoders (ffmpeg reading PCM, reporting progress to the step on fd 3). */
const encodersIn = (target: ChildEntry) =>
  processGroupOf(target).filter(
    (process) => process.command.startsWith("ffmpeg ") && process.command.includes("pipe:3"),
  );

describe("SIGKILL of the web app's functions and of the database mid-processing", () => {
  it("still makes the sermon searchable, with one run per event and no event lost", async () => {
    const { stages, read } = await uploadSermon(db!, audio, "killed-web-and-database");
    const [, requested] = stages;

    // The functions' process dies mid-step: the transcode's encoders are at work in it.
    await waitUntil(
      () => encodersIn(functions!).length > 0,
      60_000,
      () => "the transcode's encoders to start",
    );
    const killedFunctions = functions!;
    await sigkill(killedFunctions);
    // Its ffmpeg outlives it (ffmpeg ignores SIGPIPE; killed between spawning the encoders and
    // the decoder, the encoders would wait for ever to open their FIFOs). The launcher SIGKILLs
    // what is left of a crashed service's process group (scripts/launcher/child-service.ts),
    // and so does this test, before the process comes back.
    sigkillGroup(killedFunctions);
    // Mid-step indeed: the step's end (100 %) never came.
    const atWebKill = await read();
    expect(atWebKill.status).toBeOneOf(["processing", "streamable"]);
    expect(atWebKill.transcodePercent ?? 0).toBeLessThan(100);
    // Started again on the same port, as the launcher would; the engine retries the step there.
    await sleep(500);
    functions = await spawnFunctions(functionsPort, functionsEnv);

    // The database dies while the transcription runs, and comes back on its data and port.
    await waitUntil(
      async () =>
        (await runsOf(engineUrl, requested!.id, requested!.name)).some(
          (run) => run.status === "Running",
        ),
      60_000,
      () => "the transcription to start",
    );
    expect((await read()).status).toBe("streamable");
    const committed = await db!.outbox.findMany({ select: { eventId: true } });
    await sigkill(database!);
    await sleep(500);
    database = await spawnDatabase(databaseDir, databasePort);

    let status: string | undefined;
    await waitUntil(
      untilReachable(async () => {
        status = (await read()).status;
        return status === "searchable";
      }),
      90_000,
      () => `searchable (is ${status})`,
    );

    // What was committed before the SIGKILL survived it.
    expect(await db!.outbox.findMany({ select: { eventId: true } })).toEqual(
      expect.arrayContaining(committed),
    );
    await expectEachStageRanOnce(engineUrl, stages);
    await expectEveryEventSent(db!, stages);
    expect(await read()).toMatchObject({ status: "searchable", transcodePercent: 100 });
  }, 150_000);
});
