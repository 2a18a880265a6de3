import { type ChildProcess, spawn } from "node:child_process";
import readline from "node:readline";
import type { Env } from "@/lib/platform/config/parse-env";
import { defaultRestartPolicy, RestartBackoff, type RestartPolicy } from "./restart-policy";

export class ServiceStartError extends Error {
  constructor(service: string, reason: string, recentOutput: string[]) {
    const tail = recentOutput.length ? `\n  last output:\n    ${recentOutput.join("\n    ")}` : "";
    super(`The ${service} failed to start: ${reason}${tail}`);
    this.name = "ServiceStartError";
  }
}

export type SupervisionOptions = {
  /** How the launcher's lines name it ("web app"); its output is prefixed with `name`. */
  label?: string;
  policy?: RestartPolicy;
  /** The launcher's own lines about this service (crashes, restarts, giving up). */
  log?: (line: string) => void;
  /** Called once the service crashed too often to be restarted again. */
  onGiveUp?: (service: ChildService) => void;
};

export type ServiceState =
  "not started" | "starting" | "running" | "waiting to restart" | "given up" | "stopped";

const RECENT_LINES = 15;
const RESTART_READY_TIMEOUT_MS = 120_000;

/**
 * One child process of the launcher, supervised. It runs in its own process group, so
 * stopping it also stops whatever it spawned (Next's workers, ffmpeg) and the launcher decides
 * the shutdown order.
 *
 * Until `waitUntilReady` first succeeds an exit is a failed start (reported by
 * `waitUntilReady` with the service's last output). From then on an exit that `stop` did not
 * ask for is a crash: what is left of its process group is killed and the service is started
 * again with the same command and environment after the policy's backoff, or given up on
 * after too many crashes in a short window.
 */
export class ChildService {
  private child: ChildProcess | undefined;
  private readonly recent: string[] = [];
  private exited: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private isStopping = false;
  private isSupervised = false;
  private readyCheck: (() => Promise<void>) | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly backoff: RestartBackoff;
  private readonly log: (line: string) => void;
  readonly label: string;
  state: ServiceState = "not started";
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: Env,
    private readonly supervision: SupervisionOptions = {},
  ) {
    this.backoff = new RestartBackoff(supervision.policy ?? defaultRestartPolicy);
    this.log = supervision.log ?? ((line) => console.error(line));
    this.label = supervision.label ?? name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const child = spawn(this.command, this.args, {
      env: this.env as NodeJS.ProcessEnv, // Next declares NODE_ENV required; children may set it themselves.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.startedAt = Date.now();
    this.state = this.isSupervised ? "running" : "starting";
    prefixOutput(child, this.name, (line) => {
      this.recent.push(line);
      if (this.recent.length > RECENT_LINES) this.recent.shift();
    });
    this.exited = new Promise((resolve) => {
      let isDone = false;
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        if (isDone) return;
        isDone = true;
        resolve();
        this.onExit(child, code, signal);
      };
      child.once("exit", done);
      child.once("error", (error) => {
        this.recent.push(error.message);
        // A child that never started emits no "exit".
        if (child.pid === undefined) done(null, null);
      });
    });
  }

  /** Resolves once `check` passes; fails with the service's own output if it exits first. */
  async waitUntilReady(check: () => Promise<void>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    let hasExited = false;
    void this.exited.then(() => (hasExited = true));
    while (Date.now() < deadline) {
      if (hasExited) throw new ServiceStartError(this.name, "it exited", this.recent);
      try {
        await check();
        this.readyCheck = check;
        this.isSupervised = true;
        this.state = "running";
        return;
      } catch (error) {
        lastError = error;
        await sleep(200);
      }
    }
    const reason = lastError instanceof Error ? lastError.message : "timed out";
    throw new ServiceStartError(
      this.name,
      `not ready after ${timeoutMs / 1000} s (${reason})`,
      this.recent,
    );
  }

  async stop(graceMs = 15_000): Promise<void> {
    this.isStopping = true;
    this.state = "stopped";
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child || this.isStopping || !this.isSupervised) return;
    // Whatever it spawned is orphaned now (an ffmpeg, Next's workers): it goes with it.
    if (child.pid) signalGroup(child.pid, "SIGKILL");
    const ranMs = Date.now() - this.startedAt;
    const decision = this.backoff.crashed(Date.now(), ranMs);
    const { maxCrashes, crashWindowMs } = this.backoff.policy;
    const what = `The ${this.label} (pid ${child.pid}) ${describeExit(code, signal)} after running ${formatDuration(ranMs)}`;
    if (decision.action === "give-up") {
      this.state = "given up";
      this.log(
        `${what}: ${decision.crashesInWindow} crashes within ${formatDuration(crashWindowMs)}; not restarting it again.`,
      );
      this.supervision.onGiveUp?.(this);
      return;
    }
    this.state = "waiting to restart";
    this.log(
      `${what}; restarting it in ${formatDuration(decision.delayMs)} ` +
        `(crash ${decision.crashesInWindow} of ${maxCrashes} allowed within ${formatDuration(crashWindowMs)}).`,
    );
    this.restartTimer = setTimeout(() => this.restart(), decision.delayMs);
  }

  private restart(): void {
    if (this.isStopping) return;
    this.restarts++;
    this.start();
    void this.reportWhenBack(this.child!);
  }

  /** Says so once the restarted process passes its readiness check again. */
  private async reportWhenBack(child: ChildProcess): Promise<void> {
    const check = this.readyCheck;
    if (!check) return;
    const deadline = Date.now() + RESTART_READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (
        this.child !== child ||
        this.isStopping ||
        child.exitCode !== null ||
        child.signalCode !== null
      )
        return;
      try {
        await check();
        if (this.child === child && !this.isStopping)
          this.log(`The ${this.label} is back (pid ${child.pid}, restart ${this.restarts}).`);
        return;
      } catch {
        await sleep(200);
      }
    }
    this.log(
      `The ${this.label} (pid ${child.pid}) is running but not ready ${formatDuration(RESTART_READY_TIMEOUT_MS)} after its restart.`,
    );
  }
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `was killed by ${signal}`;
  if (code !== null) return `exited with code ${code}`;
  return "could not be started";
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A one-shot command (a build) whose output is shown like a service's. */
export function runToCompletion(
  name: string,
  command: string,
  args: string[],
  env: Env,
): Promise<number | null> {
  const child = spawn(command, args, {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  prefixOutput(child, name, () => undefined);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
}

function prefixOutput(child: ChildProcess, name: string, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on("line", (line) => {
      onLine(line);
      // A JSON log line names its process itself; a prefix would stop it being JSON.
      process.stdout.write(line.startsWith("{") ? `${line}\n` : `[${name}] ${line}\n`);
    });
  }
}
