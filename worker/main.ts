import { InvalidEnvError } from "@/lib/platform/config/parse-env";
import { readWorkerEnv } from "./env";
import { startWorker } from "./start-worker";
import { workerConfigFromEnv } from "./worker-config";
import { startTracing } from "@/lib/platform/telemetry/start-tracing";
import { processLog } from "./worker-log";

const consoleLog = processLog();

// SIGTERM must end the process within 30 s (container stop timeouts); this leaves a margin.
const SHUTDOWN_DEADLINE_MS = 25_000;

async function main(): Promise<void> {
  let env;
  try {
    env = readWorkerEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvError)) throw error;
    consoleLog.error(error.message);
    process.exit(1);
  }
  const tracing = startTracing("selah-worker");
  const worker = await startWorker(workerConfigFromEnv(env, consoleLog));
  const shutdown = (signal: string) => {
    consoleLog.info(`${signal}: stopping (finishing the batches in hand)`);
    setTimeout(() => {
      consoleLog.error(
        "shutdown took too long; exiting (unfinished messages return after their visibility timeout)",
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    worker.stop().then(
      // The last spans go out before the process does.
      () => tracing.shutdown().finally(() => process.exit(0)),
      (error: unknown) => {
        consoleLog.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  consoleLog.error(
    `worker failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
