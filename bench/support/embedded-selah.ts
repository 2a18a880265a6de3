// Selah as `npm start` runs it, for the benchmarks: the launcher (database, S3/SQS emulator,
// engine, worker, the production web app) in a given SELAH_DATA_DIR on free ports, on the
// embedded default whatever this shell's variables point at.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import { needsBuild } from "@/scripts/launcher/needs-build";

const ROOT = process.cwd();
/** How long to wait for another server of this tree's .next to stop before rebuilding it. */
const BUILD_WAIT_SECONDS = 600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Variables that point Selah at real services: the benchmark runs the embedded default. */
const SERVICE_VARIABLES = [
  "DATABASE_URL",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "SQS_ENDPOINT",
  "SQS_QUEUE_URL",
  "SQS_DLQ_URL",
  "INNGEST_DEV",
  "INNGEST_BASE_URL",
  "INNGEST_SIGNING_KEY",
  "INNGEST_EVENT_KEY",
];

/** This process's environment without SERVICE_VARIABLES, plus `extra`. */
export function embeddedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of SERVICE_VARIABLES) delete env[name];
  return env;
}

export interface RunningSelah {
  launcher: ChildProcess;
  url: string;
  coldStartS: number;
  /** Whether the launcher had to run `next build` first. */
  built: boolean;
  /** The launcher's recent output, for the error message when something goes wrong. */
  recent: string[];
}

/** Another `next start` serving this working tree's `.next`, which a rebuild would pull away. */
function otherWebServers(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!/next-server|next\/dist\/bin\/next\0start/.test(cmdline)) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) === ROOT) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export async function startSelah(
  dataDir: string,
  options: { log: string; progress: (line: string) => void },
): Promise<RunningSelah> {
  const { progress } = options;
  let built = needsBuild(ROOT);
  if (built) {
    // The launcher will rebuild .next; a `next start` already serving it would lose its files.
    const waitUntil = Date.now() + BUILD_WAIT_SECONDS * 1000;
    while (otherWebServers().length && Date.now() < waitUntil) {
      progress(
        `.next needs a rebuild, and this tree's .next is being served by pid ${otherWebServers().join(", ")}: waiting for it to stop…`,
      );
      await sleep(15_000);
    }
    built = needsBuild(ROOT);
  }
  const env = embeddedEnv({
    SELAH_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    PGLITE_PORT: "0",
    FAUXQS_PORT: "0",
    ENGINE_PORT: "0",
    WORKER_PORT: "0",
    SELAH_SEED: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  if (existsSync(path.join(ROOT, ".env")))
    progress("note: the launcher loads .env; services it configures replace the embedded ones");

  const started = performance.now();
  // What `npm start` runs once its dependencies are installed (scripts/start.sh).
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/selah.ts", "start"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recent: string[] = [];
  // Everything it says, for a look afterwards (the temp data dir goes when the run ends).
  await mkdir(path.dirname(options.log), { recursive: true });
  const log = createWriteStream(options.log);
  let isReady = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("Selah did not start within 20 minutes")),
      20 * 60_000,
    );
    const onLine = (line: string) => {
      log.write(`${line}\n`);
      recent.push(line);
      if (recent.length > 40) recent.shift();
      // Until it is up, show what it does (a build takes minutes); then only trouble.
      if (!isReady || /error|crash|gave up|restart/i.test(line)) progress(`  selah │ ${line}`);
      const ready = /Selah is running at http:\/\/[^:\s]+:(\d+)/.exec(line);
      if (ready) {
        isReady = true;
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${ready[1]}`);
      }
    };
    readline.createInterface({ input: launcher.stdout! }).on("line", onLine);
    readline.createInterface({ input: launcher.stderr! }).on("line", onLine);
    launcher.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited (${code}) before Selah was up:\n${recent.join("\n")}`));
    });
  });
  // The launcher says Selah runs only once the engine has synced the app's functions, so an
  // upload right away starts its run.
  const coldStartS = (performance.now() - started) / 1000;
  return { launcher, url, coldStartS, built, recent };
}

export async function stopSelah(selah: ChildProcess | undefined): Promise<void> {
  if (!selah || selah.exitCode !== null || selah.signalCode !== null) return;
  const exited = new Promise((resolve) => selah.once("exit", resolve));
  selah.kill("SIGTERM");
  const timer = setTimeout(() => selah.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
}

/** The web app's process: the `next start` the launcher runs (it names itself next-server). */
export function webProcessOf(launcherPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command's parenthesised name: state, ppid, …
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const queue = [...(children.get(launcherPid) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (/next-server|next\/dist\/bin\/next\0start/.test(cmdline)) return pid;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no web app process under the launcher (pid ${launcherPid})`);
}

/** One of Selah's scripts (a CLI under scripts/) against the embedded default in `dataDir`. */
export async function runScript(dataDir: string, script: string, args: string[]): Promise<void> {
  await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: embeddedEnv({ SELAH_DATA_DIR: dataDir }),
  });
}

/** An admin of `church` (created with it), through `npm run admin:create` on the data dir. */
export const createAdmin = (
  dataDir: string,
  admin: { email: string; password: string },
  church: { slug: string; name: string },
) =>
  runScript(dataDir, "scripts/admin-create.ts", [
    ...["--email", admin.email, "--password", admin.password],
    ...["--church", church.slug, "--church-name", church.name, "--role", "editor"],
  ]);
