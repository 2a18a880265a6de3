import { createLogger } from "@/lib/platform/telemetry/logger";

export type WorkerLog = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

/**
 * The worker's lines through the platform logger (JSON or pretty, LOG_FORMAT), with the trace
 * of the event being forwarded when there is one.
 */
export function processLog(): WorkerLog {
  const logger = createLogger("worker");
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
  };
}

export const silentLog: WorkerLog = { info() {}, warn() {}, error() {} };
