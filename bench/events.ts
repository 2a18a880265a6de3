// npm run bench:events — the durable event path end to end (publish → outbox → SQS → worker →
// engine → run started), against raw SQS send+receive+delete on the same emulator. Everything
// runs embedded on this machine: PGlite and fauxqs here, the engine and the worker as their own
// processes (as `npm start` runs them). The last line is one JSON object.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { sermonUploaded, type PipelineEvent } from "@/lib/pipeline/events/pipeline-events";
import { createDb, type Db } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { ensureQueues } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { databaseUrlFor } from "@/scripts/launcher/embedded-urls";
import { isNpmVariable } from "@/scripts/launcher/launcher-env";

const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 5000);
const PACED_RATE = 100;
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 20);
const POLLERS = Number(process.env.BENCH_POLLERS ?? 8);
// An upload publishes one event; a bulk change (re-index a church) publishes many in one transaction.
const BURST_PER_TRANSACTION = Number(process.env.BENCH_PER_TRANSACTION ?? 10);

// This process is the app, and its children the worker and engine: give them the environment
// the launcher gives its services, without npm's own variables (launcher-env.ts).
for (const key of Object.keys(process.env)) if (isNpmVariable(key)) delete process.env[key];
process.env.AWS_ACCESS_KEY_ID ??= "test";
process.env.AWS_SECRET_ACCESS_KEY ??= "test";

const dir = mkdtempSync(path.join(tmpdir(), "selah-bench-events-"));
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run starts seen by the app, by event id. */
const startedAt = new Map<string, number>();
const publishedAt = new Map<string, number>();

async function main() {
  const databasePort = await startChild(
    "database",
    "scripts/launcher/embedded-database.ts",
    /database ready on port (\d+)/,
    {
      PGLITE_DIR: path.join(dir, "pglite"),
      PGLITE_PORT: "0",
    },
  );
  const awsEndpoint = await startChild(
    "s3+sqs",
    "scripts/launcher/embedded-aws.ts",
    /S3 \+ SQS ready at (\S+)/,
    {
      FAUXQS_DATA_DIR: path.join(dir, "fauxqs"),
      FAUXQS_PORT: "0",
    },
  );
  const database = { url: databaseUrlFor(Number(databasePort)) };
  const aws = { endpoint: awsEndpoint };
  await migrate(database.url);
  const sqs = createSqsClient({ AWS_REGION: "us-east-1", SQS_ENDPOINT: aws.endpoint });
  const db = createDb(database.url, 4);
  const settings = { maxReceiveCount: 5, visibilityTimeoutSeconds: 60 };
  const raw = await ensureQueues(sqs, {
    ...settings,
    mainQueueName: "raw",
    deadLetterQueueName: "raw-dlq",
  });
  const queues = await ensureQueues(sqs, {
    ...settings,
    mainQueueName: "events",
    deadLetterQueueName: "events-dlq",
  });

  console.log(`raw SQS: ${RAW_MESSAGES} messages sent, received and deleted on the emulator…`);
  const rawRate = await rawSqsThroughput(sqs, raw.mainQueueUrl, RAW_MESSAGES);
  console.log(`  ${rawRate.toFixed(0)} messages/s`);

  const engineUrl = await startChild("engine", "engine/main.ts", /engine listening on (\S+)/, {
    ENGINE_PORT: "0",
    ENGINE_DATA_DIR: path.join(dir, "engine"),
    ENGINE_LOG_LEVEL: "error",
    ENGINE_SYNC_INTERVAL_MS: "0",
  });
  await serveRecorder(engineUrl);
  const workerUrl = await startChild("worker", "worker/main.ts", /worker listening on (\S+)/, {
    DATABASE_URL: database.url,
    SQS_ENDPOINT: aws.endpoint,
    SQS_QUEUE_URL: queues.mainQueueUrl,
    SQS_DLQ_URL: queues.deadLetterQueueUrl,
    INNGEST_DEV: engineUrl,
    WORKER_PORT: "0",
    WORKER_POLLERS: String(POLLERS),
  });

  // Warm-up: first requests pay for JIT and connection set-up.
  await publishAndWait(db, events("warm", 200), 1);

  console.log(
    `sustained: ${THROUGHPUT_EVENTS} events published as fast as the database takes them…`,
  );
  const burst = events("burst", THROUGHPUT_EVENTS);
  const burstStart = Date.now();
  if (process.env.BENCH_DEBUG) console.log(`  start ${burstStart}`);
  await publishAndWait(db, burst, 1, BURST_PER_TRANSACTION);
  const lastStart = Math.max(...burst.map((event) => startedAt.get(event.id)!));
  const e2eRate = THROUGHPUT_EVENTS / ((lastStart - burstStart) / 1000);
  console.log(`  ${e2eRate.toFixed(0)} events/s from first publish to last run started`);
  if (process.env.BENCH_DEBUG) {
    const metrics = await (await fetch(`${workerUrl}/metrics`)).text();
    console.log(
      metrics
        .split("\n")
        .filter((l) =>
          /^selah_worker_(messages|outbox_sent|forward_duration_seconds_(sum|count))/.test(l),
        )
        .join("\n"),
    );
  }

  console.log(`latency: ${PACED_RATE} events/s for ${PACED_SECONDS} s, one transaction per event…`);
  const paced = events("paced", PACED_RATE * PACED_SECONDS);
  const pacedStart = Date.now();
  // One publisher, one transaction per event, on schedule (or right after the previous one
  // when the database falls behind): the embedded database runs one transaction at a time.
  for (const [i, event] of paced.entries()) {
    const due = pacedStart + (i * 1000) / PACED_RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    await publishBatch(db, [event]);
  }
  await waitForRuns(paced, 120_000);
  const latencies = paced
    .map((event) => startedAt.get(event.id)! - publishedAt.get(event.id)!)
    .sort((a, b) => a - b);
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);
  console.log(`  p50 ${p50} ms, p99 ${p99} ms (publish committed → run started)`);

  const ratio = e2eRate / rawRate;
  console.log(
    `end-to-end / raw SQS: ${ratio.toFixed(2)} (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const result = {
    bench: "events",
    e2eEventsPerSecond: Math.round(e2eRate),
    rawSqsMessagesPerSecond: Math.round(rawRate),
    ratio: Number(ratio.toFixed(2)),
    latencyAt100PerSecond: { p50Ms: p50, p99Ms: p99 },
    events: { sustained: THROUGHPUT_EVENTS, paced: paced.length },
    pollers: POLLERS,
    // Figures from a shared machine mean little without how busy it was.
    loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
    cpus: availableParallelism(),
    targets: { e2eEventsPerSecond: 500, ratio: 0.5, p99Ms: 2000 },
    meetsTargets: e2eRate >= 500 && ratio >= 0.5 && p99 < 2000,
  };
  await db.$disconnect();
  sqs.destroy();
  await stopChildren();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}

/** Send, receive and delete `count` messages with the same batching and pollers as the worker. */
async function rawSqsThroughput(sqs: SQSClient, queueUrl: string, count: number): Promise<number> {
  const start = Date.now();
  let sent = 0;
  let deleted = 0;
  const senders = Array.from({ length: 8 }, async () => {
    while (sent < count) {
      const n = Math.min(10, count - sent);
      sent += n;
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Array.from({ length: n }, (_, i) => ({
            Id: `m${i}`,
            MessageBody: JSON.stringify({ n: sent + i, pad: "x".repeat(150) }),
          })),
        }),
      );
    }
  });
  const receivers = Array.from({ length: POLLERS }, async () => {
    while (deleted < count) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      );
      if (Messages.length === 0) continue;
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
        }),
      );
      deleted += Messages.length;
    }
  });
  await Promise.all([...senders, ...receivers]);
  return count / ((Date.now() - start) / 1000);
}

function events(prefix: string, count: number): PipelineEvent[] {
  return Array.from({ length: count }, (_, i) =>
    sermonUploaded.build({
      sermonId: `${prefix}-${i}`,
      churchId: "bench",
      mediaVersion: 1,
      objectKey: `bench/${prefix}-${i}`,
    }),
  );
}

async function publishBatch(db: Db, batch: PipelineEvent[]): Promise<void> {
  await db.$transaction(
    (tx) => publishEvent(tx, batch),
    // The embedded database runs one transaction at a time: concurrent publishers queue.
    { maxWait: 60_000, timeout: 60_000 },
  );
  const now = Date.now();
  for (const event of batch) publishedAt.set(event.id, now);
}

/** Publishes from `publishers` concurrent loops of transactions of `perTransaction` events, then waits for every run. */
async function publishAndWait(
  db: Db,
  list: PipelineEvent[],
  publishers: number,
  perTransaction = 10,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: publishers }, async () => {
      while (next < list.length) {
        const batch = list.slice(next, next + perTransaction);
        next += batch.length;
        await publishBatch(db, batch);
      }
    }),
  );
  if (process.env.BENCH_DEBUG) {
    const t0 = Date.now();
    while ((await db.outbox.count({ where: { sentAt: null } })) > 0) await sleep(20);
    console.log(`  published at ${t0}, outbox drained +${Date.now() - t0} ms`);
  }
  await waitForRuns(list, 120_000);
  if (process.env.BENCH_DEBUG) console.log(`  runs done at ${Date.now()}`);
}

async function waitForRuns(list: PipelineEvent[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (list.some((event) => !startedAt.has(event.id))) {
    if (Date.now() > deadline)
      throw new Error(
        `only ${list.filter((e) => startedAt.has(e.id)).length} of ${list.length} runs started`,
      );
    await sleep(20);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** A real SDK app whose one function notes when each run starts; synced to the engine. */
async function serveRecorder(engineUrl: string): Promise<void> {
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  const client = new Inngest({ id: "selah-bench", isDev: true, baseUrl: engineUrl, logger: quiet });
  const recordRun = client.createFunction(
    { id: "record-run", retries: 0, triggers: [sermonUploaded] },
    async ({ event }) => {
      if (event.id && !startedAt.has(event.id)) startedAt.set(event.id, Date.now());
    },
  );
  const handler = serve({ client, functions: [recordRun] });
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(appUrl, { method: "PUT", headers: { "x-inngest-server-kind": "dev" } });
  if (!sync.ok) throw new Error(`app sync failed: ${sync.status}`);
}

async function startChild(
  name: string,
  entry: string,
  ready: RegExp,
  env: Record<string, string>,
): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(entry)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        const match = ready.exec(line);
        if (match) resolve(match[1]!);
      });
    }
    child.once("exit", (code) =>
      reject(new Error(`${name} exited (${code}):\n${output.slice(-10).join("\n")}`)),
    );
  });
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

main().catch(async (error: unknown) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
