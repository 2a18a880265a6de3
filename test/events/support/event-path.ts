import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { startEngine, type RunningEngine } from "@/engine/src/engine";
import { sermonUploaded, type PipelineEvent } from "@/lib/pipeline/events/pipeline-events";
import { createDb, type Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { ensureQueues, type QueueUrls } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { startEmbeddedAws, type EmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import { startTestServices, testAwsEnv } from "@/test/support/embedded-services";
import { testInngestKeys } from "@/test/support/inngest-keys";
import type { WorkerConfig } from "@/worker/start-worker";
import { silentLog } from "@/worker/worker-log";

export type QueueOptions = { maxReceiveCount?: number; visibilityTimeoutSeconds?: number };

/** Embedded Postgres + fauxqs with the two queues, the way the launcher creates them. */
export async function startQueueServices(options: QueueOptions = {}) {
  const services = await startTestServices();
  const sqs = createSqsClient(testAwsEnv(services.aws.endpoint));
  const queues = await ensureQueues(sqs, {
    mainQueueName: "events",
    deadLetterQueueName: "events-dlq",
    maxReceiveCount: options.maxReceiveCount ?? 5,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 60,
  });
  const db = createDb(services.database.url, 4);
  let replacementAws: EmbeddedAws | undefined;
  return {
    services,
    sqs,
    queues,
    db,
    /** Takes SQS away (the emulator stops) until the returned function brings it back on the same port and data. */
    async stopAws(): Promise<() => Promise<void>> {
      await (replacementAws ?? services.aws).stop();
      return async () => {
        replacementAws = await startEmbeddedAws({
          dataDir: path.join(services.dir, "fauxqs"),
          port: services.aws.port,
        });
      };
    },
    async stop() {
      await db.$disconnect();
      sqs.destroy();
      if (!replacementAws) return services.stop();
      await Promise.all([services.database.stop(), replacementAws.stop()]);
      rmSync(services.dir, { recursive: true, force: true });
    },
  };
}

export type QueueServices = Awaited<ReturnType<typeof startQueueServices>>;

/** Worker settings for tests: short long polls so shutdowns are quick, signed-mode keys, everything else default. */
export function testWorkerConfig(
  services: { database: { url: string }; aws: { endpoint: string } },
  queues: QueueUrls,
  eventApiUrl: string,
  overrides: Partial<WorkerConfig> = {},
): WorkerConfig {
  return {
    databaseUrl: services.database.url,
    sqs: {
      region: "us-east-1",
      endpoint: services.aws.endpoint,
      mainQueueUrl: queues.mainQueueUrl,
      deadLetterQueueUrl: queues.deadLetterQueueUrl,
    },
    // Cloud mode with the event key, as under `npm start` (a stand-in API accepts any key).
    inngest: { isDev: false, baseUrl: eventApiUrl, eventKey: testInngestKeys.eventKey },
    pollers: 4,
    waitTimeSeconds: 2,
    forwardTimeoutMs: 5000,
    retry: { baseSeconds: 5, maxSeconds: 300 },
    relay: { isEnabled: true, pollMs: 50, retentionDays: 14 },
    http: { host: "127.0.0.1", port: 0 },
    log: silentLog,
    ...overrides,
  };
}

/** The same settings as environment variables, for a worker run as a child process. */
export function workerEnvFor(config: WorkerConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    AWS_REGION: config.sqs.region,
    SQS_ENDPOINT: config.sqs.endpoint,
    SQS_QUEUE_URL: config.sqs.mainQueueUrl,
    SQS_DLQ_URL: config.sqs.deadLetterQueueUrl,
    ...(config.inngest.isDev
      ? {
          INNGEST_DEV: config.inngest.baseUrl,
          INNGEST_BASE_URL: undefined,
          INNGEST_EVENT_KEY: undefined,
        }
      : {
          INNGEST_DEV: undefined,
          INNGEST_BASE_URL: config.inngest.baseUrl,
          INNGEST_EVENT_KEY: config.inngest.eventKey,
        }),
    // The worker only sends events: it runs without the signing key.
    INNGEST_SIGNING_KEY: undefined,
    WORKER_PORT: "0",
    WORKER_POLLERS: String(config.pollers),
    WORKER_WAIT_TIME_SECONDS: String(config.waitTimeSeconds),
    WORKER_FORWARD_TIMEOUT_MS: String(config.forwardTimeoutMs),
    WORKER_RETRY_BASE_SECONDS: String(config.retry.baseSeconds),
    WORKER_RETRY_MAX_SECONDS: String(config.retry.maxSeconds),
    OUTBOX_RELAY: String(config.relay.isEnabled),
    OUTBOX_POLL_MS: String(config.relay.pollMs),
    OUTBOX_RETENTION_DAYS: String(config.relay.retentionDays),
  };
}

/** Which runs each event id started, as seen by the function itself. */
export class RunRecorder {
  readonly runsByEvent = new Map<string, Set<string>>();
  private runCount = 0;

  record(eventId: string, runId: string): void {
    const runs = this.runsByEvent.get(eventId) ?? new Set<string>();
    if (!runs.has(runId)) this.runCount++;
    runs.add(runId);
    this.runsByEvent.set(eventId, runs);
  }

  get runs(): number {
    return this.runCount;
  }

  /** Event ids that started more than one run. */
  duplicates(): string[] {
    return [...this.runsByEvent].filter(([, runs]) => runs.size > 1).map(([id]) => id);
  }

  async waitForRuns(count: number, timeoutMs: number): Promise<void> {
    await waitUntil(
      () => this.runs >= count,
      timeoutMs,
      () => `${count} runs (have ${this.runs})`,
    );
  }
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * engine/ in signed mode (as `npm start` runs it) with a real SDK app, serving in cloud mode
 * with the same keys, whose function records every run of `sermon/uploaded`.
 */
export async function startEngineWithRecorder(): Promise<{
  engine: RunningEngine;
  recorder: RunRecorder;
  stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "selah-events-engine-"));
  const engine = await startEngine({
    port: 0,
    dataDir,
    logLevel: "error",
    syncIntervalMs: 0,
    backoffScale: 0.001,
    signingKey: testInngestKeys.signingKey,
    eventKeys: [testInngestKeys.eventKey],
  });
  const recorder = new RunRecorder();
  const client = new Inngest({
    id: "selah-test",
    isDev: false,
    baseUrl: engine.url,
    signingKey: testInngestKeys.signingKey,
    eventKey: testInngestKeys.eventKey,
    logger: quiet,
  });
  const recordRun = client.createFunction(
    { id: "record-run", retries: 0, triggers: [sermonUploaded] },
    async ({ event, runId }) => {
      recorder.record(event.id ?? "(none)", runId);
    },
  );
  const handler = serve({ client, functions: [recordRun] });
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(appUrl, { method: "PUT", headers: { "x-inngest-server-kind": "dev" } });
  if (!sync.ok) throw new Error(`app sync failed: ${sync.status} ${await sync.text()}`);
  return {
    engine,
    recorder,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const uploadedEvent = (n: number, prefix = "s"): PipelineEvent =>
  sermonUploaded.build({
    sermonId: `${prefix}${n}`,
    churchId: "c1",
    mediaVersion: 1,
    objectKey: `c1/${prefix}${n}/v1/original`,
  });

/** Publishes through the outbox the way the app does: `perTransaction` events per short transaction. */
export async function publishEvents(
  db: Db,
  events: PipelineEvent[],
  perTransaction = 20,
): Promise<void> {
  for (let i = 0; i < events.length; i += perTransaction) {
    const slice = events.slice(i, i + perTransaction);
    // A generous timeout: on a loaded 2-core machine the embedded database queues transactions.
    await db.$transaction((tx) => publishEvent(tx, slice), { timeout: 30_000, maxWait: 30_000 });
  }
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A stand-in for the event API that answers like Inngest's (`{ids, status}`) and can be made to fail. */
export async function startFakeEventApi(options: { delayMs?: number } = {}) {
  const received = new Map<string, number>();
  let mode: "up" | "down" = "up";
  let requestsStarted = 0;
  const server = createServer(async (req, res) => {
    requestsStarted++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (mode === "down") {
      res
        .writeHead(503, { "content-type": "application/json" })
        .end(JSON.stringify({ error: "unavailable", status: 503 }));
      return;
    }
    const events = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string }[];
    for (const event of events) received.set(event.id, (received.get(event.id) ?? 0) + 1);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    get requestsStarted() {
      return requestsStarted;
    },
    setMode(next: "up" | "down") {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WorkerProcess = {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: string[];
};

/** `worker/main.ts` as its own process (Node 24 via tsx, like the launcher runs it); resolves once it listens. */
export async function spawnWorker(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("worker/main.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker did not start:\n${output.join("\n")}`)),
      30_000,
    );
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        const match = /worker listening on (\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    }
    void exited.then(() => reject(new Error(`worker exited during start:\n${output.join("\n")}`)));
  });
  return { child, url, exited, output };
}

/** GET from the engine's REST API, which in signed mode wants the signing key. */
export function engineGet(url: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${testInngestKeys.signingKey}` } });
}

/** For a failure message: where each missing event got to (outbox, engine events, engine runs). */
export async function traceMissing(db: Db, engineUrl: string, ids: string[]): Promise<string> {
  const lines: string[] = [];
  const engineEvents = new Map<string, string[]>();
  let cursor = "";
  for (;;) {
    const page = (await (
      await engineGet(`${engineUrl}/v1/events?limit=1000${cursor ? `&cursor=${cursor}` : ""}`)
    ).json()) as {
      data: { id: string; internal_id: string }[];
      metadata?: { cursor?: string };
    };
    for (const event of page.data)
      engineEvents.set(event.id, [...(engineEvents.get(event.id) ?? []), event.internal_id]);
    if (!page.metadata?.cursor || page.data.length === 0) break;
    cursor = page.metadata.cursor;
  }
  for (const id of ids.slice(0, 5)) {
    const row = await db.outbox.findFirst({ where: { eventId: id } });
    const internalIds = engineEvents.get(id) ?? [];
    const runs = await Promise.all(
      internalIds.map(
        async (internal) =>
          (
            (await (await engineGet(`${engineUrl}/v1/events/${internal}/runs`)).json()) as {
              data: unknown[];
            }
          ).data,
      ),
    );
    lines.push(
      `${id}: outbox sentAt=${row?.sentAt?.toISOString()} attempts=${row?.attempts}; engine events=${internalIds.length}; runs=${JSON.stringify(runs).slice(0, 400)}`,
    );
  }
  return lines.join("\n");
}
