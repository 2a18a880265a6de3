import type { LogLevel } from "./env";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One line per entry on stderr, so stdout stays for the "listening" line. `json` writes the
 * shape Selah's own processes log (level, time, process, msg, then the fields), so one log
 * pipeline reads them all; the engine stands alone, so it writes it itself.
 */
export function createLogger(level: LogLevel, format: "json" | "pretty" = "pretty"): Logger {
  const write = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (RANK[at] < RANK[level]) return;
    if (format === "json") {
      const entry = {
        ...fields,
        level: at,
        time: new Date().toISOString(),
        process: "engine",
        msg: message,
      };
      process.stderr.write(`${JSON.stringify(entry)}\n`);
      return;
    }
    const suffix = fields ? ` ${JSON.stringify(fields)}` : "";
    process.stderr.write(`[engine] ${at}: ${message}${suffix}\n`);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
