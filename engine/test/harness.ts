import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { startEngine, type EngineOptions, type RunningEngine } from "../src/engine";

export interface TestEngine extends RunningEngine {
  dataDir: string;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "selah-engine-"));
}

/** An engine on a free port with its own data dir and near-zero retry backoff. */
export async function startTestEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? tempDataDir();
  const engine = await startEngine({
    port: 0,
    dataDir,
    backoffScale: 0.0001,
    syncIntervalMs: 0,
    logLevel: "error",
    ...options,
  });
  return {
    ...engine,
    dataDir,
    stop: async () => {
      await engine.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testClient(engineUrl: string, id = "test-app"): Inngest {
  return new Inngest({ id, isDev: true, baseUrl: engineUrl });
}

export interface TestApp {
  url: string;
  close(): Promise<void>;
}

/** Serves functions with the real SDK on a plain node:http server on a free port. */
export async function serveApp(client: Inngest, functions: InngestFunction.Any[], port = 0): Promise<TestApp> {
  const handler = serve({ client, functions });
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/api/inngest`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Out-of-band sync: PUT the App, which registers itself with the engine. */
export async function syncApp(appUrl: string): Promise<{ status: number; body: { message?: string; modified?: boolean } }> {
  const response = await fetch(appUrl, { method: "PUT", headers: { "x-inngest-server-kind": "dev" } });
  return { status: response.status, body: (await response.json()) as { message?: string; modified?: boolean } };
}

export interface RunView {
  run_id: string;
  function_id: string;
  status: string;
  output: unknown;
  error: { name?: string; message?: string } | null;
  run_started_at: string | null;
  ended_at: string | null;
  steps: { id: string; name: string; op: string; attempts: number; output: unknown; error: unknown; started_at: string; ended_at: string | null }[];
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function listRuns(engineUrl: string, functionId: string): Promise<RunView[]> {
  const body = await getJson<{ data: RunView[] }>(`${engineUrl}/v1/runs?limit=1000&function_id=${encodeURIComponent(functionId)}`);
  return body.data;
}

export async function getRun(engineUrl: string, runId: string): Promise<RunView> {
  return (await getJson<{ data: RunView }>(`${engineUrl}/v1/runs/${runId}`)).data;
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ENDED = new Set(["Completed", "Failed", "Cancelled"]);

/** Waits until `count` runs of the function exist and all have ended. */
export async function waitForEndedRuns(engineUrl: string, functionId: string, count = 1, timeoutMs = 20_000): Promise<RunView[]> {
  return waitFor(
    async () => {
      const runs = await listRuns(engineUrl, functionId);
      return runs.length >= count && runs.every((run) => ENDED.has(run.status)) ? runs : undefined;
    },
    timeoutMs,
    `${count} ended run(s) of ${functionId}`,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
