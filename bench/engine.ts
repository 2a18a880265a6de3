/**
 * Engine benchmark: a 3-step no-op function served by the real SDK, driven through the engine
 * running as a child process (so its RSS is measurable).
 *
 *   npm run bench:engine [-- --runs 1000 --rss-runs 10000 --window 64]
 *
 * Phase 1 measures throughput and event-to-finish latency over `--runs` runs with a closed loop
 * of `--window` runs in flight. Phase 2 keeps going until `--rss-runs` runs have finished in
 * total and reads the engine's RSS. The last line printed is one JSON object of the figures.
 * `--stats` also prints the engine's /v1/engine/stats; BENCH_ENGINE_NODE_ARGS passes node
 * flags to the engine process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { withoutNpmVariables } from "@/scripts/launcher/launcher-env";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`--${name} must be a positive integer`);
  return value;
}

const RUNS = flag("runs", 1000);
const RSS_RUNS = Math.max(flag("rss-runs", 10_000), RUNS);
const WINDOW = flag("window", 64);
const ENGINE_MAIN = fileURLToPath(new URL("../engine/main.ts", import.meta.url));

/** Reads VmRSS / VmHWM (peak) of a process from /proc, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return {
    rssMb: Math.round(kb("VmRSS") / 102.4) / 10,
    peakMb: Math.round(kb("VmHWM") / 102.4) / 10,
  };
}

async function startEngineProcess(dataDir: string, baseEnv: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_ENGINE_NODE_ARGS ?? "").split(" ").filter(Boolean),
      "--import",
      "tsx",
      ENGINE_MAIN,
    ],
    {
      env: {
        ...baseEnv,
        ENGINE_PORT: "0",
        ENGINE_DATA_DIR: dataDir,
        ENGINE_SYNC_INTERVAL_MS: "0",
        ENGINE_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /engine listening on (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`engine exited with ${code}`)));
  });
  return { child, url };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  // The SDK copies the whole environment several times per request (helpers/env.js), and
  // process.env reads are slow native calls, made slower by the ~30 npm_* variables `npm run`
  // adds. That is app-side cost, not engine cost: give the app a plain-object env without them.
  const appEnv = withoutNpmVariables(process.env);
  const engineEnv = { ...process.env };
  process.env = appEnv as NodeJS.ProcessEnv;
  const dataDir = mkdtempSync(join(tmpdir(), "selah-engine-bench-"));
  const engine = await startEngineProcess(dataDir, engineEnv);
  const pid = engine.child.pid ?? 0;
  const client = new Inngest({
    id: "bench",
    isDev: true,
    baseUrl: engine.url,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let finished = 0;
  let wake: (() => void) | undefined;
  const fn = client.createFunction(
    { id: "three-noop", triggers: [{ event: "bench/run" }] },
    async ({ event, step }) => {
      await step.run("one", () => 1);
      await step.run("two", () => 2);
      await step.run("three", () => 3);
      // Reached only on the final call, once every step is memoized.
      const i = event.data.i as number;
      const start = sentAt.get(i);
      if (start !== undefined) {
        sentAt.delete(i);
        if (i < RUNS) latencies.push(Date.now() - start);
        finished++;
        wake?.();
      }
      return null;
    },
  );
  const server = createServer(serve({ client, functions: [fn] }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(appUrl, { method: "PUT" });
  if (!sync.ok) throw new Error(`sync failed: ${await sync.text()}`);

  /** Closed loop: keep WINDOW runs in flight until `until` runs have finished. */
  let next = 0;
  const drive = async (until: number) => {
    while (finished < until) {
      const room = Math.min(WINDOW - (next - finished), until - next);
      if (room > 0) {
        const batch = Array.from({ length: room }, () => next++);
        for (const i of batch) sentAt.set(i, Date.now());
        await client.send(batch.map((i) => ({ name: "bench/run", data: { i } })));
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };

  const started = Date.now();
  const engineCpuBefore = cpuSecondsOf(pid);
  const appCpuBefore = process.cpuUsage();
  await drive(RUNS);
  const seconds = (Date.now() - started) / 1000;
  const engineCpuMsPerRun =
    Math.round(((cpuSecondsOf(pid) - engineCpuBefore) * 1000 * 100) / RUNS) / 100;
  const appCpu = process.cpuUsage(appCpuBefore);
  const appCpuMsPerRun = Math.round(((appCpu.user + appCpu.system) / 1000 / RUNS) * 100) / 100;
  const afterPhase1 = memoryOf(pid);
  latencies.sort((a, b) => a - b);
  const figures = {
    runs: RUNS,
    window: WINDOW,
    seconds: Math.round(seconds * 100) / 100,
    runsPerSecond: Math.round((RUNS / seconds) * 10) / 10,
    stepExecutionsPerSecond: Math.round(((RUNS * 3) / seconds) * 10) / 10,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    engineCpuMsPerRun,
    /** Load-independent: step executions one fully available core gives the engine per second. */
    engineStepExecutionsPerCpuSecond: Math.round(3000 / engineCpuMsPerRun),
    appCpuMsPerRun,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    enginePeakRssMb: afterPhase1.peakMb,
    rssAfterRuns: RSS_RUNS,
    engineRssAfterMb: 0,
    enginePeakRssOverallMb: 0,
  };
  console.log(
    `phase 1: ${RUNS} runs in ${figures.seconds} s → ${figures.runsPerSecond} runs/s, ${figures.stepExecutionsPerSecond} step executions/s`,
  );
  console.log(
    `latency event→finish: p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms (window ${WINDOW})`,
  );
  console.log(
    `CPU per run: engine ${engineCpuMsPerRun} ms (= ${figures.engineStepExecutionsPerCpuSecond} step executions per engine CPU-second), ` +
      `app (SDK + driver) ${appCpuMsPerRun} ms; 1-min load average ${figures.loadAverage1m} on ${cpus().length} cores`,
  );
  console.log(`engine peak RSS so far: ${figures.enginePeakRssMb} MB`);

  if (RSS_RUNS > RUNS) {
    await drive(RSS_RUNS);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (process.argv.includes("--stats")) {
    console.log(JSON.stringify(await (await fetch(`${engine.url}/v1/engine/stats`)).json()));
    console.log(
      readFileSync(`/proc/${pid}/status`, "utf8")
        .split("\n")
        .filter((line) => /^(Rss|VmHWM|VmRSS)/.test(line))
        .join(" | "),
    );
  }
  const end = memoryOf(pid);
  figures.engineRssAfterMb = end.rssMb;
  figures.enginePeakRssOverallMb = end.peakMb;
  console.log(
    `after ${RSS_RUNS} finished runs: engine RSS ${end.rssMb} MB (peak ${end.peakMb} MB)`,
  );

  engine.child.kill("SIGTERM");
  await new Promise((resolve) => engine.child.once("exit", resolve));
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
