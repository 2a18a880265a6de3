import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { GetQueueUrlCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnvSchema, type ServerEnv } from "@/lib/platform/config/server-env";
import { checkDependencies, type DependencyName } from "@/lib/platform/health/check-dependencies";
import { embeddedQueueNames } from "@/lib/platform/queue/embedded-queue-names";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import { databaseUrlFor } from "@/scripts/launcher/embedded-urls";
import { claimPort } from "@/scripts/launcher/ports";
import {
  accepts,
  listeningAddresses,
  nonLoopbackAddresses,
} from "@/test/support/listening-sockets";

// The real launcher (test/launcher/support/start-services.ts: everything `npm start` runs but
// the web app, which would need a `next build`), with HOST=0.0.0.0, on free ports and a temp
// data dir. Each service is SIGKILLed in turn: it must come back on its own while the others
// keep their processes, and the checks behind /api/health must show the gap while it lasts.

const SERVICES = {
  database: "scripts/launcher/embedded-database.ts",
  "s3+sqs": "scripts/launcher/embedded-aws.ts",
  engine: "engine/main.ts",
  worker: "worker/main.ts",
} as const;
type ServiceName = keyof typeof SERVICES;
const LABELS: Record<ServiceName, string> = {
  database: "database",
  "s3+sqs": "S3/SQS emulator",
  engine: "engine",
  worker: "worker",
};
/** What /api/health reports as down while each service is gone. */
const GAP: Record<ServiceName, DependencyName[]> = {
  database: ["database"],
  "s3+sqs": ["storage", "queue"],
  engine: ["workflowEngine"],
  worker: ["worker"],
};

class Launcher {
  readonly lines: string[] = [];
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly child: ChildProcess,
    readonly ports: Record<ServiceName, number>,
  ) {
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        this.lines.push(line);
        for (const wake of this.waiters) wake();
      });
    }
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  /** Resolves with the first line (from `from` on) matching `pattern`. */
  async waitForLine(pattern: RegExp, timeoutMs: number, from = 0): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.slice(from).find((line) => pattern.test(line));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no line matching ${pattern} within ${timeoutMs / 1000} s; last output:\n${this.lines.slice(-25).join("\n")}`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 250);
      });
    }
  }

  /** The launcher's child running each service, from /proc. */
  pids(): Record<ServiceName, number | undefined> {
    const found: Partial<Record<ServiceName, number>> = {};
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid !== this.child.pid) continue;
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
        for (const [name, entryFile] of Object.entries(SERVICES)) {
          if (cmdline.includes(entryFile)) found[name as ServiceName] = Number(entry);
        }
      } catch {
        // Gone meanwhile.
      }
    }
    return found as Record<ServiceName, number | undefined>;
  }
}

// The emulator accepts any credentials; the SDK still insists on having some.
process.env.AWS_ACCESS_KEY_ID ??= "test";
process.env.AWS_SECRET_ACCESS_KEY ??= "test";

let launcher: Launcher;
let dataDir: string;
let serverEnv: ServerEnv;
const leftovers = new Set<number>();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "selah-supervision-"));
  const ports = {} as Record<ServiceName, number>;
  for (const name of Object.keys(SERVICES) as ServiceName[])
    ports[name] = await claimPort(0, name, "-");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/launcher/support/start-services.ts"],
    {
      env: {
        ...process.env,
        HOST: "0.0.0.0",
        // Ignored by the launcher, which keeps its engine and worker on loopback whatever they say.
        ENGINE_HOST: "0.0.0.0",
        WORKER_HOST: "0.0.0.0",
        SELAH_DATA_DIR: dataDir,
        SELAH_SEED: "false",
        PGLITE_PORT: String(ports.database),
        FAUXQS_PORT: String(ports["s3+sqs"]),
        ENGINE_PORT: String(ports.engine),
        WORKER_PORT: String(ports.worker),
        WORKER_WAIT_TIME_SECONDS: "2", // short long polls: a quick clean stop
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  launcher = new Launcher(child, ports);
  await launcher.waitForLine(/Selah's services are running without the web app/, 100_000);
  for (const pid of Object.values(launcher.pids())) if (pid) leftovers.add(pid);

  // What the web app would be configured with (the checks behind /api/health run in-process).
  const awsEndpoint = `http://127.0.0.1:${ports["s3+sqs"]}`;
  const sqs = createSqsClient({ AWS_REGION: "us-east-1", SQS_ENDPOINT: awsEndpoint });
  const queueUrl = async (name: string) =>
    (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
  const env = {
    DATABASE_URL: databaseUrlFor(ports.database),
    S3_ENDPOINT: awsEndpoint,
    S3_BUCKET: "selah-media",
    SQS_ENDPOINT: awsEndpoint,
    SQS_QUEUE_URL: await queueUrl(embeddedQueueNames.main),
    SQS_DLQ_URL: await queueUrl(embeddedQueueNames.deadLetter),
    INNGEST_DEV: `http://127.0.0.1:${ports.engine}`,
    WORKER_HEALTH_URL: `http://127.0.0.1:${ports.worker}/health`,
    BETTER_AUTH_SECRET: "x".repeat(32),
  };
  sqs.destroy();
  process.env.DATABASE_URL = env.DATABASE_URL; // getDb() reads it
  serverEnv = parseEnv(serverEnvSchema, env);
}, 120_000);

afterAll(async () => {
  if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
    launcher.child.kill("SIGINT");
    await Promise.race([launcher.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  }
  for (const pid of [...leftovers, ...Object.values(launcher?.pids() ?? {})]) {
    try {
      if (pid) process.kill(pid, "SIGKILL");
    } catch {
      // Already gone, as it should be.
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const downIn = async () => {
  const report = await checkDependencies(serverEnv);
  return Object.entries(report.dependencies)
    .filter(([, health]) => health?.status === "down")
    .map(([name]) => name)
    .sort();
};

async function waitUntilAllUp(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let down = await downIn();
  while (down.length) {
    if (Date.now() > deadline)
      throw new Error(`still down after ${timeoutMs / 1000} s: ${down.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    down = await downIn();
  }
}

describe("the launcher (without the web app), HOST=0.0.0.0", () => {
  it("listens on 127.0.0.1 only for every embedded service", async () => {
    const neighbours = nonLoopbackAddresses();
    for (const [name, port] of Object.entries(launcher.ports)) {
      expect({ name, addresses: listeningAddresses(port) }).toEqual({
        name,
        addresses: ["127.0.0.1"],
      });
      expect(await accepts("127.0.0.1", port)).toBe(true);
      for (const address of neighbours)
        expect({ name, address, accepts: await accepts(address, port) }).toMatchObject({
          accepts: false,
        });
    }
    expect(await downIn()).toEqual([]);
  });

  it.each(["engine", "worker", "s3+sqs", "database"] as const)(
    "restarts the %s after a SIGKILL; the health checks show the gap; the others keep running",
    async (name) => {
      const before = launcher.pids();
      const victim = before[name]!;
      expect(victim).toBeGreaterThan(0);
      const from = launcher.lines.length;
      process.kill(victim, "SIGKILL");

      const crash = await launcher.waitForLine(
        new RegExp(`The ${escape(LABELS[name])} \\(pid ${victim}\\)`),
        10_000,
        from,
      );
      expect(crash).toMatch(
        new RegExp(
          `\\[selah [\\d:]{8}\\] The ${escape(LABELS[name])} \\(pid ${victim}\\) was killed by SIGKILL after running .+; restarting it in 500 ms \\(crash 1 of 5 allowed within 2 min\\)\\.$`,
        ),
      );
      // The gap: nothing answers on its port until the restart, 500 ms plus its start-up, later.
      expect(await downIn()).toEqual(expect.arrayContaining(GAP[name]));

      const back = await launcher.waitForLine(
        new RegExp(`The ${escape(LABELS[name])} is back \\(pid (\\d+), restart 1\\)`),
        45_000,
        from,
      );
      const after = launcher.pids();
      expect(back).toContain(`pid ${after[name]}`);
      expect(after[name]).not.toBe(victim);
      leftovers.add(after[name]!);
      for (const other of Object.keys(SERVICES) as ServiceName[]) {
        if (other !== name)
          expect({ other, pid: after[other] }).toEqual({ other, pid: before[other] });
      }
      expect(listeningAddresses(launcher.ports[name])).toEqual(["127.0.0.1"]);
      await waitUntilAllUp(30_000);
    },
    60_000,
  );

  it("stops every process on SIGINT, restarting nothing", async () => {
    const pids = Object.values(launcher.pids());
    expect(pids.every((pid) => pid! > 0)).toBe(true);
    const from = launcher.lines.length;
    launcher.child.kill("SIGINT");
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    expect(
      launcher.lines.slice(from).filter((line) => /restarting|is back|Gave up/.test(line)),
    ).toEqual([]);
    for (const pid of pids) expect(() => process.kill(pid!, 0)).toThrow();
    for (const port of Object.values(launcher.ports)) expect(listeningAddresses(port)).toEqual([]);
  }, 45_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
