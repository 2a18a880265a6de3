const LEVEL_LABEL: Record<string, string> = {
  debug: "debug",
  info: "",
  warn: "warn: ",
  error: "error: ",
  fatal: "fatal: ",
};
const OMITTED = new Set(["level", "time", "process", "pid", "hostname", "msg", "err"]);

/**
 * One pino JSON line as a person reads it on a terminal: the message, the level when it is
 * not info, then the other fields as key=value (ids included) and an error's stack.
 * The launcher prefixes the process name, so it is left out.
 */
export function prettyLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const level = LEVEL_LABEL[String(entry.level)] ?? `${String(entry.level)}: `;
  const fields = Object.entries(entry)
    .filter(([name]) => !OMITTED.has(name))
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n${err.stack ?? err.message ?? JSON.stringify(err)}` : "";
  return `${level}${String(entry.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}${stack}\n`;
}
