import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { inngestApiBaseUrl } from "@/lib/platform/config/inngest-env";
import type { ServerEnv } from "@/lib/platform/config/server-env";
import { getDb } from "@/lib/platform/db/client";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { createS3Client } from "@/lib/platform/storage/s3-client";

export type DependencyName = "database" | "storage" | "queue" | "workflowEngine";
export type DependencyHealth = { status: "up" | "down"; latencyMs: number; error?: string };
export type HealthReport = { status: "up" | "down"; dependencies: Record<DependencyName, DependencyHealth> };

const TIMEOUT_MS = 3000;

export async function checkDependencies(env: ServerEnv): Promise<HealthReport> {
  const s3 = createS3Client(env);
  const sqs = createSqsClient(env);
  const checks: Record<DependencyName, () => Promise<unknown>> = {
    database: () => getDb().$queryRaw`SELECT 1`,
    storage: () => s3.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET })),
    queue: () => sqs.send(new GetQueueAttributesCommand({ QueueUrl: env.SQS_QUEUE_URL, AttributeNames: ["QueueArn"] })),
    workflowEngine: () => reachable(new URL("/health", inngestApiBaseUrl(env))),
  };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await measure(check)] as const),
  );
  const dependencies = Object.fromEntries(entries) as Record<DependencyName, DependencyHealth>;
  const isUp = Object.values(dependencies).every((dependency) => dependency.status === "up");
  return { status: isUp ? "up" : "down", dependencies };
}

async function measure(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  const latency = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
    ]);
    return { status: "up", latencyMs: latency() };
  } catch (error) {
    return { status: "down", latencyMs: latency(), error: describe(error) };
  }
}

/** Any HTTP answer below 500 means the engine is there; Inngest Cloud has no /health. */
async function reachable(url: URL): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status >= 500) throw new Error(`answered HTTP ${response.status}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}${cause}`.slice(0, 200);
}
