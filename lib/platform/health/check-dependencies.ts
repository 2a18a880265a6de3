import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { inngestApiBaseUrl } from "@/lib/platform/config/inngest-env";
import type { ServerEnv } from "@/lib/platform/config/server-env";
import { getDb } from "@/lib/platform/db/client";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { createS3Client } from "@/lib/platform/storage/s3-client";

export type DependencyName = "database" | "storage" | "queue" | "workflowEngine" | "worker";
export type DependencyHealth = { status: "up" | "down"; latencyMs: number; error?: string };
/** `worker` is there when WORKER_HEALTH_URL names the event worker's /health (`npm start` sets it). */
export type HealthReport = {
  status: "up" | "down";
  dependencies: Partial<Record<DependencyName, DependencyHealth>>;
};

const TIMEOUT_MS = 3000;
/** The engine and the worker are local processes (on `npm start`): a slow answer is a problem already. */
const PROCESS_TIMEOUT_MS = 2000;

export async function checkDependencies(env: ServerEnv): Promise<HealthReport> {
  const s3 = createS3Client(env);
  const sqs = createSqsClient(env);
  const checks: Partial<Record<DependencyName, () => Promise<unknown>>> = {
    database: () => getDb().$queryRaw`SELECT 1`,
    storage: () => s3.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET })),
    queue: () =>
      sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: env.SQS_QUEUE_URL,
          AttributeNames: ["QueueArn"],
        }),
      ),
    workflowEngine: () =>
      engineReady(new URL("/health", inngestApiBaseUrl(env)), PROCESS_TIMEOUT_MS),
  };
  const workerHealthUrl = env.WORKER_HEALTH_URL;
  if (workerHealthUrl) checks.worker = () => healthy(new URL(workerHealthUrl), PROCESS_TIMEOUT_MS);
  const entries = await Promise.all(
    (Object.entries(checks) as [DependencyName, () => Promise<unknown>][]).map(
      async ([name, check]) => [name, await measure(check)] as const,
    ),
  );
  const dependencies = Object.fromEntries(entries) as HealthReport["dependencies"];
  const isUp = Object.values(dependencies).every((dependency) => dependency.status === "up");
  return { status: isUp ? "up" : "down", dependencies };
}

async function measure(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
      ),
    ]);
    return { status: "up", latencyMs: latency() };
  } catch (error) {
    return { status: "down", latencyMs: latency(), error: describe(error) };
  }
}

/**
 * Any HTTP answer below 500 means the engine is there (Inngest Cloud has no /health). engine/
 * also says whether it has synced the apps it serves (`appsSynced`; on `npm start`, this one):
 * until it has, events would start no runs, so it is not up yet.
 */
async function engineReady(url: URL, timeoutMs: number): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (response.status >= 500) throw new Error(`answered HTTP ${response.status}`);
  const body: unknown = await response.json().catch(() => null);
  if ((body as { appsSynced?: unknown } | null)?.appsSynced === false)
    throw new Error("it has not synced the app's functions yet");
}

/** The worker answers 200 only when its pollers progress and the event API accepts events. */
async function healthy(url: URL, timeoutMs: number): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (response.ok) return;
  const body = (await response.text().catch(() => "")).slice(0, 120);
  throw new Error(`answered HTTP ${response.status}${body ? ` ${body}` : ""}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}${cause}`.slice(0, 200);
}
