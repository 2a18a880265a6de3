import path from "node:path";
import pg from "pg";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { embeddingEnvSchema, serverEnvSchema } from "@/lib/platform/config/server-env";
import { createDb } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { seedDemoChurch } from "@/lib/catalog/churches/seed-demo-church";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import { embeddedQueueNames } from "@/lib/platform/queue/embedded-queue-names";
import { ensureQueues } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { workerOwnEnvSchema } from "@/worker/env";
import { ChildService, runToCompletion } from "./child-service";
import type { RestartPolicy } from "./restart-policy";
import { embeddedInngestEnv } from "./embedded-inngest-env";
import { awsDir, databaseDir, databaseUrlFor, engineDir } from "./embedded-urls";
import { readLauncherEnv, withoutNpmVariables } from "./launcher-env";
import { needsBuild } from "./needs-build";
import { prepareEmbedder } from "./prepare-embedder";
import { readOrCreateSecret } from "./read-or-create-secret";
import { seedDemoSermonsInBackground } from "./seed-demo-sermons-in-background";
import { waitForAppSync } from "./wait-for-app-sync";
import { claimPort, waitForPort } from "./ports";

const ROOT = process.cwd();
const exitWhenOrphaned = path.join(ROOT, "scripts", "launcher", "exit-when-orphaned.mjs");
// Makes X-Forwarded-For the client's address, or a trusted proxy's word for it (TRUSTED_PROXIES).
const forwardedHeaders = path.join(ROOT, "scripts", "launcher", "forwarded-headers.mjs");
// Gives media answers back the Content-Length that Next.js drops from route handlers.
const mediaContentLength = path.join(ROOT, "scripts", "launcher", "media-content-length.mjs");
const tsEntry = (file: string) =>
  [
    process.execPath,
    ["--import", "tsx", "--import", exitWhenOrphaned, path.join(ROOT, file)],
  ] as const;
const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
// Next.js's production server with play beacons and media answered in front of it.
const webAppEntry = path.join(ROOT, "scripts", "launcher", "web-app.ts");
const LOOPBACK = "127.0.0.1";

/**
 * What Selah loses while a service is down, for the line that says the launcher gave up on
 * it. A service without an entry is essential: giving up on it stops Selah (exit code 1).
 */
const withoutService: Record<string, string> = {
  "s3+sqs": "playback, uploads and new pipeline events stop (events wait in the database's outbox)",
  engine: "no pipeline runs (new events wait in the queue)",
  worker:
    "queued pipeline events are not forwarded to the engine (they wait in the outbox and the queue)",
};
/** How the launcher's lines name each service (its output is prefixed with the short name). */
const labels: Record<string, string> = { "s3+sqs": "S3/SQS emulator", web: "web app" };

export type StartOptions = {
  isDev: boolean;
  /** false starts everything but the web app (tests of the supervision that need no `next build`). */
  webApp?: boolean;
  /** Overrides the restart policy (tests). */
  restartPolicy?: RestartPolicy;
};

/**
 * `npm start` / `npm run dev`: starts each embedded stand-in whose real service is not
 * configured, prepares them (migrations, bucket, queues), then the engine, the worker and the
 * web app. Every embedded service listens on 127.0.0.1 only; the web app listens on HOST.
 *
 * Each process is supervised (child-service.ts, restart-policy.ts): one that dies is started
 * again with backoff while the others keep serving; one that keeps dying is given up on, which
 * stops Selah only if it is the database or the web app.
 */
export async function startSelah(options: StartOptions): Promise<void> {
  const launcherEnv = readLauncherEnv();
  const env: Env = {
    ...withoutNpmVariables(process.env),
    NEXT_TELEMETRY_DISABLED: "1",
    // Absolute, so every service finds the same data folder (the semantic lexicon's cache).
    SELAH_DATA_DIR: launcherEnv.dataDir,
    // The children write to pipes, never a terminal: they log as the launcher's own output would.
    LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json"),
  };
  const services: ChildService[] = [];
  let isShuttingDown = false;

  const shutdown = async (code: number) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    console.log("Stopping Selah…");
    for (const service of [...services].reverse()) await service.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => void shutdown(0));
  // Whoever started it (npm, a terminal, a test) is gone: nobody is left to stop Selah, so stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1000).unref();
  const log = (line: string) =>
    console.error(`[selah ${new Date().toTimeString().slice(0, 8)}] ${line}`);
  const onGiveUp = (service: ChildService) => {
    if (isShuttingDown) return;
    const loss = withoutService[service.name];
    if (loss) {
      log(
        `Gave up on the ${service.label}; the rest keeps serving, but ${loss}. /api/health reports it down. Fix the cause in its output above, then restart Selah.`,
      );
    } else {
      log(
        `Gave up on the ${service.label}; Selah cannot serve without it, so everything stops (exit code 1). Fix the cause in its output above, then start Selah again.`,
      );
      void shutdown(1);
    }
  };
  const launch = (
    name: string,
    [command, args]: readonly [string, readonly string[]],
    childEnv: Env,
  ) => {
    const service = new ChildService(name, command, [...args], childEnv, {
      label: labels[name],
      log,
      onGiveUp,
      policy: options.restartPolicy,
    });
    services.push(service);
    service.start();
    return service;
  };

  try {
    const embedding = prepareEmbedder(env);
    const isEmbeddedDatabase = !process.env.DATABASE_URL;
    if (isEmbeddedDatabase) {
      const port = await claimPort(launcherEnv.PGLITE_PORT, "embedded database", "PGLITE_PORT");
      const database = launch("database", tsEntry("scripts/launcher/embedded-database.ts"), {
        ...env,
        PGLITE_PORT: String(port),
        PGLITE_DIR: databaseDir(launcherEnv),
      });
      env.DATABASE_URL = databaseUrlFor(port);
      await database.waitUntilReady(() => ping(env.DATABASE_URL!), 60_000);
    }
    const databaseUrl = env.DATABASE_URL!;
    const { applied } = await migrate(databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const { EMBEDDING_DIMENSIONS } = parseEnv(embeddingEnvSchema, env);
    const resized = await ensureVectorColumn(databaseUrl, EMBEDDING_DIMENSIONS);
    if (resized)
      console.log(
        `Embedding column resized from ${resized.from} to ${resized.to} dimensions; re-index with npm run reindex.`,
      );
    await embedding.reportStale(databaseUrl);

    const isEmbeddedStorage = !process.env.S3_ENDPOINT && !process.env.S3_BUCKET;
    const isEmbeddedQueue = !process.env.SQS_QUEUE_URL;
    if (isEmbeddedStorage || isEmbeddedQueue) {
      const port = await claimPort(
        launcherEnv.FAUXQS_PORT,
        "embedded S3/SQS emulator",
        "FAUXQS_PORT",
      );
      const aws = launch("s3+sqs", tsEntry("scripts/launcher/embedded-aws.ts"), {
        ...env,
        FAUXQS_PORT: String(port),
        FAUXQS_DATA_DIR: awsDir(launcherEnv),
      });
      await aws.waitUntilReady(() => waitForPort(port, 1000), 30_000);
      const endpoint = `http://127.0.0.1:${port}`;
      // The emulator accepts any credentials; real AWS ones are never needed for it.
      env.AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID ??= "test";
      env.AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY ??= "test";
      if (isEmbeddedStorage) {
        env.S3_ENDPOINT = endpoint;
        env.S3_BUCKET = "selah-media";
        // The emulator sends no CORS headers: browsers upload through the app's /s3 route.
        env.S3_BROWSER_PROXY = "true";
        await ensureBucket(
          createS3Client({
            AWS_REGION: "us-east-1",
            S3_ENDPOINT: endpoint,
            S3_FORCE_PATH_STYLE: true,
          }),
          env.S3_BUCKET,
        );
      }
      if (isEmbeddedQueue) {
        env.SQS_ENDPOINT = endpoint;
        const urls = await ensureQueues(
          createSqsClient({ AWS_REGION: "us-east-1", SQS_ENDPOINT: endpoint }),
          {
            mainQueueName: embeddedQueueNames.main,
            deadLetterQueueName: embeddedQueueNames.deadLetter,
            maxReceiveCount: launcherEnv.SQS_MAX_RECEIVE_COUNT,
            visibilityTimeoutSeconds: launcherEnv.SQS_VISIBILITY_TIMEOUT_SECONDS,
          },
        );
        env.SQS_QUEUE_URL = urls.mainQueueUrl;
        env.SQS_DLQ_URL = urls.deadLetterQueueUrl;
      }
    }

    if (isEmbeddedDatabase && launcherEnv.SELAH_SEED) {
      const db = createDb(databaseUrl, 1);
      const { isNew } = await seedDemoChurch(db);
      await db.$disconnect();
      if (isNew) console.log("Seeded the demo church Grace Chapel (SELAH_SEED=false skips this).");
    }

    const webPort = await claimPort(launcherEnv.PORT, "web app", "PORT", launcherEnv.HOST);
    const appUrl = `http://${localAddressOf(launcherEnv.HOST)}:${webPort}`;
    const isEmbeddedEngine =
      !process.env.INNGEST_DEV && !process.env.INNGEST_BASE_URL && !process.env.INNGEST_SIGNING_KEY;
    let engine: { service: ChildService; url: string } | undefined;
    if (isEmbeddedEngine) {
      const port = await claimPort(launcherEnv.ENGINE_PORT, "workflow engine", "ENGINE_PORT");
      const url = `http://${LOOPBACK}:${port}`;
      // Signed, not dev mode: keys from the data dir for the engine, the web app and the worker.
      Object.assign(env, embeddedInngestEnv(url, launcherEnv.dataDir));
      const service = launch("engine", tsEntry("engine/main.ts"), {
        ...env,
        ENGINE_HOST: LOOPBACK,
        ENGINE_PORT: String(port),
        ENGINE_DATA_DIR: engineDir(launcherEnv),
        // The app it serves, synced as soon as it answers (none when there is no web app).
        ENGINE_APP_URLS: options.webApp === false ? "" : `${appUrl}/api/inngest`,
      });
      engine = { service, url };
    }

    env.BETTER_AUTH_SECRET ??= readOrCreateSecret(path.join(launcherEnv.dataDir, "auth-secret"));

    // Fail here, naming the variable, rather than inside the web app on the first request.
    parseEnv(serverEnvSchema, env);

    if (engine) await engine.service.waitUntilReady(() => httpOk(`${engine.url}/health`), 30_000);

    // The SQS → Inngest forwarder (and outbox relay): after the engine, so its first forwards land.
    await embedding.ready;
    const { WORKER_PORT } = parseEnv(workerOwnEnvSchema.pick({ WORKER_PORT: true }), env);
    const workerPort = await claimPort(WORKER_PORT, "event worker", "WORKER_PORT");
    const workerHealthUrl = `http://${LOOPBACK}:${workerPort}/health`;
    const worker = launch("worker", tsEntry("worker/main.ts"), {
      ...env,
      WORKER_HOST: LOOPBACK,
      WORKER_PORT: String(workerPort),
    });
    await worker.waitUntilReady(() => httpOk(workerHealthUrl), 30_000);
    // /api/health reports the worker too.
    env.WORKER_HEALTH_URL = workerHealthUrl;

    if (options.webApp === false) {
      console.log("\nSelah's services are running without the web app  (Ctrl-C stops them)\n");
      return;
    }

    if (!options.isDev && needsBuild(ROOT)) {
      console.log("Building the web app (next build)…");
      const code = await runToCompletion("build", process.execPath, [nextBin, "build"], {
        ...env,
        NODE_ENV: "production",
      });
      if (code !== 0)
        throw new Error(
          `The web app's build (next build) failed with exit code ${code}; see its output above.`,
        );
    }
    const preloads = ["--import", exitWhenOrphaned, "--import", forwardedHeaders];
    const web = launch(
      "web",
      [
        process.execPath,
        options.isDev
          ? [
              ...preloads,
              "--import",
              mediaContentLength,
              nextBin,
              "dev",
              "-p",
              String(webPort),
              "-H",
              launcherEnv.HOST,
            ]
          : ["--import", "tsx", ...preloads, "--import", mediaContentLength, webAppEntry],
      ],
      {
        ...env,
        PORT: String(webPort),
        HOST: launcherEnv.HOST,
        NODE_ENV: options.isDev ? "development" : "production",
      },
    );
    await web.waitUntilReady(() => httpAnswers(`${appUrl}/api/health`), 120_000);
    // Ready means ready for uploads too: the engine has the app's functions, so events start runs.
    if (engine) await waitForAppSync(engine.url, 120_000);
    const shownHost =
      launcherEnv.HOST === "127.0.0.1" || launcherEnv.HOST === "0.0.0.0"
        ? "localhost"
        : launcherEnv.HOST;
    console.log(`\nSelah is running at http://${shownHost}:${webPort}  (Ctrl-C stops it)\n`);
    if (isEmbeddedDatabase && launcherEnv.SELAH_SEED && launcherEnv.SELAH_DEMO_SERMONS)
      void seedDemoSermonsInBackground(env, launcherEnv.dataDir, log);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown(1);
  }
}

/** Where the launcher and the engine reach a web app bound to `host`. */
function localAddressOf(host: string): string {
  if (["0.0.0.0", "::", "localhost", LOOPBACK].includes(host)) return LOOPBACK;
  return host.includes(":") ? `[${host}]` : host;
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT 1");
  } finally {
    await client.end();
  }
}

async function httpOk(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

async function httpAnswers(url: string): Promise<void> {
  await fetch(url, { signal: AbortSignal.timeout(5000) });
}
