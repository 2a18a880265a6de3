export type WorkerLog = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

/** Plain lines on stdout/stderr; the launcher prefixes them with the service name. */
export const consoleLog: WorkerLog = {
  info: (message) => process.stdout.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warn: ${message}\n`),
  error: (message) => process.stderr.write(`error: ${message}\n`),
};

export const silentLog: WorkerLog = { info() {}, warn() {}, error() {} };
