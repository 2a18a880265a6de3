import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { SIGNED, TEST_EVENT_KEY, TEST_SIGNING_KEY } from "./harness";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ChildEngine {
  process: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  output(): string;
}

/** Runs engine/main.ts as a child process (tsx on this Node) and waits for its listening line. */
export async function spawnEngine(env: Record<string, string>): Promise<ChildEngine> {
  // The suite's keys in signed mode; none inherited from this process either way.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ENGINE_SYNC_INTERVAL_MS: "0",
    ENGINE_LOG_LEVEL: "warn",
  };
  for (const name of Object.keys(childEnv)) if (name.startsWith("INNGEST_")) delete childEnv[name];
  if (SIGNED)
    Object.assign(childEnv, {
      INNGEST_SIGNING_KEY: TEST_SIGNING_KEY,
      INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    });
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...childEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`engine did not start: ${output}`)), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /engine listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited (${code}) before listening: ${output}`));
    });
  });
  return { process: child, url, exited, output: () => output };
}
