import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { serve } from "inngest/node";
import { startEngine, type RunningEngine } from "@/engine/src/engine";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { getDb } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { mediaStorage, type MediaStorage } from "@/lib/platform/storage/media-storage";
import { uploadFile } from "@/lib/platform/storage/upload-file";
import {
  engineGet,
  startQueueServices,
  testWorkerConfig,
  waitUntil,
  type QueueServices,
} from "@/test/events/support/event-path";
import { signedAppEnv, testInngestKeys } from "@/test/support/inngest-keys";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const ENDED = new Set(["Completed", "Failed", "Cancelled"]);

async function getJson<T>(url: string): Promise<T> {
  const response = await engineGet(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return (await response.json()) as T;
}

export interface EngineRun {
  run_id: string;
  status: string;
  output: unknown;
  error: unknown;
  steps: { name: string; attempts: number; error: unknown }[];
}

/**
 * The pipeline as it runs in production, all real: outbox → fauxqs SQS → worker → engine/ →
 * the app's `process-sermon` (served by the Inngest SDK over HTTP) → PGlite + fauxqs S3.
 * Signed as under `npm start`: the engine signs every call and takes events only with the key;
 * the SDK serves in cloud mode and verifies each call.
 */
export async function startPipeline() {
  const queue: QueueServices = await startQueueServices();
  const engineDir = mkdtempSync(path.join(tmpdir(), "selah-pipeline-engine-"));
  const engine: RunningEngine = await startEngine({
    port: 0,
    dataDir: engineDir,
    logLevel: "error",
    syncIntervalMs: 0,
    backoffScale: 0.001,
    signingKey: testInngestKeys.signingKey,
    eventKeys: [testInngestKeys.eventKey],
  });
  // The app reads its configuration from the environment, exactly as under `npm start`.
  const appEnv: Record<string, string | undefined> = {
    DATABASE_URL: queue.services.database.url,
    S3_ENDPOINT: queue.services.aws.endpoint,
    S3_BUCKET: "selah-media",
    S3_FORCE_PATH_STYLE: "true",
    ...signedAppEnv(engine.url),
  };
  for (const [name, value] of Object.entries(appEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const storage: MediaStorage = mediaStorage();
  await ensureBucket(storage.s3, storage.bucket);
  const { inngest } = await import("@/inngest/client");
  const { functions } = await import("@/inngest/index");

  const handler = serve({ client: inngest, functions });
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(appUrl, { method: "PUT", headers: { "x-inngest-server-kind": "dev" } });
  if (!sync.ok) throw new Error(`app sync failed: ${sync.status} ${await sync.text()}`);
  const worker: RunningWorker = await startWorker(
    testWorkerConfig(queue.services, queue.queues, engine.url),
  );
  const { db } = queue;

  return {
    db,
    storage,
    engine,
    inngest,
    /** A sermon mid-processing by default; `status: "draft", mediaVersion: 0` awaits its upload. */
    async createSermon(options: { slug: string; mediaVersion?: number; status?: SermonStatus }) {
      const church = await db.church.upsert({
        where: { slug: "pipeline-church" },
        create: { slug: "pipeline-church", name: "Pipeline Church" },
        update: {},
      });
      return db.sermon.create({
        data: {
          churchId: church.id,
          slug: options.slug,
          title: `Sermon ${options.slug}`,
          status: options.status ?? "processing",
          publishState: "published",
          mediaVersion: options.mediaVersion ?? 1,
        },
      });
    },
    /** Puts the original where the upload flow does and publishes `sermon/uploaded` like it. */
    async upload(
      sermon: { id: string; churchId: string },
      /** The file's bytes, or its path (large files go up in parts). */
      original: Uint8Array | string,
      options: { fileName: string; mediaVersion?: number },
    ) {
      const mediaVersion = options.mediaVersion ?? 1;
      const objectKey = `churches/${sermon.churchId}/sermons/${sermon.id}/v${mediaVersion}/original/${options.fileName}`;
      if (typeof original === "string") {
        await uploadFile(
          storage.s3,
          storage.bucket,
          objectKey,
          original,
          "application/octet-stream",
        );
      } else {
        await storage.s3.send(
          new PutObjectCommand({ Bucket: storage.bucket, Key: objectKey, Body: original }),
        );
      }
      const event = sermonUploaded.build({
        sermonId: sermon.id,
        churchId: sermon.churchId,
        mediaVersion,
        objectKey,
      });
      await db.$transaction((tx) => publishEvent(tx, event));
      return event;
    },
    async waitForStatus(sermonId: string, statuses: SermonStatus[], timeoutMs = 90_000) {
      let status: SermonStatus | undefined;
      await waitUntil(
        async () => {
          status = (await db.sermon.findUniqueOrThrow({ where: { id: sermonId } })).status;
          return statuses.includes(status);
        },
        timeoutMs,
        () => `status ${statuses.join("/")} (is ${status})`,
      );
      return status;
    },
    /** Every run the engine started for events with this id (a duplicate must add none). */
    async runsOf(eventId: string, eventName: string = sermonUploaded.name): Promise<EngineRun[]> {
      const events = await getJson<{ data: { internal_id: string; id?: string }[] }>(
        `${engine.url}/v1/events?limit=1000&name=${encodeURIComponent(eventName)}`,
      );
      const runs: EngineRun[] = [];
      for (const event of events.data.filter((e) => e.id === eventId)) {
        const body = await getJson<{ data: EngineRun[] }>(
          `${engine.url}/v1/events/${event.internal_id}/runs`,
        );
        runs.push(...body.data);
      }
      return runs;
    },
    /** Waits for the run of the event (a `sermon/uploaded` one unless named) to end; returns it with its step history. */
    async endedRun(
      eventId: string,
      timeoutMs = 90_000,
      eventName: string = sermonUploaded.name,
    ): Promise<EngineRun> {
      let ended: EngineRun | undefined;
      await waitUntil(
        async () => {
          ended = (await this.runsOf(eventId, eventName)).find((run) => ENDED.has(run.status));
          return ended !== undefined;
        },
        timeoutMs,
        () => `the run of ${eventId} to end`,
      );
      return (await getJson<{ data: EngineRun }>(`${engine.url}/v1/runs/${ended!.run_id}`)).data;
    },
    /** Every key in the bucket under `prefix`, sorted. */
    async listKeys(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await storage.s3.send(
          new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: prefix, ContinuationToken }),
        );
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async readObject(key: string): Promise<string> {
      const { Body } = await storage.s3.send(
        new GetObjectCommand({ Bucket: storage.bucket, Key: key }),
      );
      return Body!.transformToString("utf8");
    },
    async stop() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
      rmSync(engineDir, { recursive: true, force: true });
      // The app's own client (getDb) must let go before the database stops under it.
      await getDb().$disconnect();
      await queue.stop();
    },
  };
}

export type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
