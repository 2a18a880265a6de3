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

/**
 * The suite runs in signed mode (as `npm start` does): the engine signs its calls and wants
 * keys, the SDK serves in cloud mode with the same keys. ENGINE_TEST_SIGNED=false runs it in
 * the open dev mode instead.
 */
export const SIGNED = process.env.ENGINE_TEST_SIGNED !== "false";
export const TEST_SIGNING_KEY = `signkey-test-${"5e1a".repeat(16)}`;
export const TEST_EVENT_KEY = "test-event-key";

function keysOption(): EngineOptions {
  return SIGNED ? { signingKey: TEST_SIGNING_KEY, eventKeys: [TEST_EVENT_KEY] } : {};
}

/** fetch with the engine's API credentials, the signing key (an engine in dev mode ignores them). */
export function engineFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${TEST_SIGNING_KEY}`);
  return fetch(url, { ...init, headers });
}

/** The event intake URL for this mode's key. */
export function eventUrl(engineUrl: string): string {
  return `${engineUrl}/e/${SIGNED ? TEST_EVENT_KEY : "NO_EVENT_KEY_SET"}`;
}

/** ENGINE_TEST_CHECKPOINTING=false|true runs the suite in the other protocol mode. */
function checkpointingOverride(): EngineOptions {
  const value = process.env.ENGINE_TEST_CHECKPOINTING;
  return value === undefined ? {} : { checkpointing: value === "true" };
}

/** An engine on a free port with its own data dir and near-zero retry backoff. */
export async function startTestEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? tempDataDir();
  const engine = await startEngine({
    port: 0,
    ...checkpointingOverride(),
    ...keysOption(),
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

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * A client pointed at the engine: cloud mode with the suite's keys when signed, else dev mode.
 * SDK logging silenced to keep test output readable.
 */
export function testClient(engineUrl: string, id = "test-app"): Inngest {
  if (!SIGNED) return new Inngest({ id, isDev: true, baseUrl: engineUrl, logger: quiet });
  return new Inngest({
    id,
    isDev: false,
    baseUrl: engineUrl,
    signingKey: TEST_SIGNING_KEY,
    eventKey: TEST_EVENT_KEY,
    logger: quiet,
  });
}

export interface RecordedCall {
  fnId: string | null;
  stepId: string | null;
  body: {
    version?: number;
    steps?: Record<string, unknown>;
    ctx?: {
      attempt?: number;
      max_attempts?: number;
      disable_immediate_execution?: boolean;
      stack?: { stack: string[] };
    };
  };
  at: number;
  /** HTTP status the SDK answered with. */
  status?: number;
  /** The body as sent and its X-Inngest-Signature (signed mode). */
  rawBody: string;
  signature: string | undefined;
}

export interface TestApp {
  url: string;
  /** Every execution call (POST) the engine made, in arrival order. */
  calls: RecordedCall[];
  close(): Promise<void>;
}

/**
 * Serves functions with the real SDK on a plain node:http server on a free port, recording
 * each POST (the body is buffered and replayed to the SDK through req.on("data"/"end")).
 */
export async function serveApp(
  client: Inngest,
  functions: InngestFunction.Any[],
  port = 0,
): Promise<TestApp> {
  const handler = serve({ client, functions });
  const calls: RecordedCall[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST") return handler(req, res);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://app.local");
    let parsed: RecordedCall["body"] = {};
    try {
      parsed = JSON.parse(body.toString("utf8")) as RecordedCall["body"];
    } catch {
      // probe requests have no JSON body
    }
    const signature = req.headers["x-inngest-signature"];
    const call: RecordedCall = {
      fnId: url.searchParams.get("fnId"),
      stepId: url.searchParams.get("stepId"),
      body: parsed,
      at: Date.now(),
      rawBody: body.toString("utf8"),
      signature: Array.isArray(signature) ? signature[0] : signature,
    };
    calls.push(call);
    const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => typeof res;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      call.status = status;
      return writeHead(status, ...rest);
    }) as typeof res.writeHead;
    const replay = ((event: string, listener: (...args: unknown[]) => void) => {
      if (event === "data") queueMicrotask(() => listener(body));
      else if (event === "end") setImmediate(listener);
      return req;
    }) as typeof req.on;
    req.on = replay;
    return handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/api/inngest`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Out-of-band sync: PUT the App, which registers itself with the engine. */
export async function syncApp(
  appUrl: string,
): Promise<{ status: number; body: { message?: string; modified?: boolean } }> {
  const response = await fetch(appUrl, {
    method: "PUT",
    headers: { "x-inngest-server-kind": "dev" },
  });
  return {
    status: response.status,
    body: (await response.json()) as { message?: string; modified?: boolean },
  };
}

export interface RunView {
  run_id: string;
  function_id: string;
  status: string;
  output: unknown;
  error: { name?: string; message?: string } | null;
  run_started_at: string | null;
  ended_at: string | null;
  steps: {
    id: string;
    name: string;
    op: string;
    attempts: number;
    output: unknown;
    error: unknown;
    started_at: string;
    ended_at: string | null;
  }[];
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await engineFetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function listRuns(engineUrl: string, functionId: string): Promise<RunView[]> {
  const body = await getJson<{ data: RunView[] }>(
    `${engineUrl}/v1/runs?limit=1000&function_id=${encodeURIComponent(functionId)}`,
  );
  return body.data;
}

export async function getRun(engineUrl: string, runId: string): Promise<RunView> {
  return (await getJson<{ data: RunView }>(`${engineUrl}/v1/runs/${runId}`)).data;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
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
export async function waitForEndedRuns(
  engineUrl: string,
  functionId: string,
  count = 1,
  timeoutMs = 20_000,
): Promise<RunView[]> {
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

const cleanups: (() => Promise<void>)[] = [];

/** Stops everything started by `setupApp` (call from afterEach). */
export async function cleanupAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export interface AppSetup {
  engine: TestEngine;
  client: Inngest;
  app: TestApp;
  /** Composite function id: `<appId>-<fnId>`. */
  fnId(id: string): string;
  send(name: string, data?: Record<string, unknown>, id?: string): Promise<string[]>;
}

/** Engine + real SDK app with the given functions, synced out-of-band. */
export async function setupApp(
  build: (client: Inngest) => InngestFunction.Any[],
  options: EngineOptions & { appId?: string } = {},
): Promise<AppSetup> {
  const { appId = "test-app", ...engineOptions } = options;
  const engine = await startTestEngine(engineOptions);
  cleanups.push(() => engine.stop());
  const client = testClient(engine.url, appId);
  const app = await serveApp(client, build(client));
  cleanups.push(() => app.close());
  const sync = await syncApp(app.url);
  if (sync.status !== 200) throw new Error(`sync failed: ${JSON.stringify(sync.body)}`);
  return {
    engine,
    client,
    app,
    fnId: (id) => `${appId}-${id}`,
    send: async (name, data = {}, id) =>
      (await client.send({ name, data, ...(id ? { id } : {}) })).ids,
  };
}

/** The one run of a function once it ended. */
export async function onlyRun(setup: AppSetup, id: string, timeoutMs?: number): Promise<RunView> {
  const [run] = await waitForEndedRuns(setup.engine.url, setup.fnId(id), 1, timeoutMs);
  if (!run) throw new Error("no run");
  return getRun(setup.engine.url, run.run_id);
}
