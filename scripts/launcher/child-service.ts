import { type ChildProcess, spawn } from "node:child_process";
import readline from "node:readline";
import type { Env } from "@/lib/platform/config/parse-env";

export class ServiceStartError extends Error {
  constructor(service: string, reason: string, recentOutput: string[]) {
    const tail = recentOutput.length ? `\n  last output:\n    ${recentOutput.join("\n    ")}` : "";
    super(`The ${service} failed to start: ${reason}${tail}`);
    this.name = "ServiceStartError";
  }
}

const RECENT_LINES = 15;

/**
 * One child process of the launcher. It runs in its own process group, so stopping it also
 * stops whatever it spawned (Next's workers) and the launcher decides the shutdown order.
 */
export class ChildService {
  private child: ChildProcess | undefined;
  private readonly recent: string[] = [];
  private exited: Promise<number | null> = Promise.resolve(null);
  private isStopping = false;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: Env,
    private readonly onUnexpectedExit: (service: string, code: number | null) => void,
  ) {}

  start(): void {
    const child = spawn(this.command, this.args, {
      env: this.env as NodeJS.ProcessEnv, // Next declares NODE_ENV required; children may set it themselves.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    prefixOutput(child, this.name, (line) => {
      this.recent.push(line);
      if (this.recent.length > RECENT_LINES) this.recent.shift();
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        if (!this.isStopping) this.onUnexpectedExit(this.name, code ?? (signal ? 128 : null));
        resolve(code);
      });
      child.once("error", (error) => {
        this.recent.push(error.message);
        resolve(null);
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
        return;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const reason = lastError instanceof Error ? lastError.message : "timed out";
    throw new ServiceStartError(this.name, `not ready after ${timeoutMs / 1000} s (${reason})`, this.recent);
  }

  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    this.isStopping = true;
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A one-shot command (a build) whose output is shown like a service's. */
export function runToCompletion(name: string, command: string, args: string[], env: Env): Promise<number | null> {
  const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
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
      process.stdout.write(`[${name}] ${line}\n`);
    });
  }
}
