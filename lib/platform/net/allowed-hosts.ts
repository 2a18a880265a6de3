/**
 * Hosts a server-side fetch may reach although they are not public (IMPORT_ALLOWED_HOSTS):
 * `host` allows any port of it, `host:port` that port only. Hosts are compared as the URL
 * parser writes them (lower case, IPv6 in brackets and compressed).
 */
export interface AllowedHost {
  host: string;
  /** Null: any port. */
  port: number | null;
}

/** Parses `host[:port]` entries separated by commas; throws a message naming the bad entry. */
export function parseAllowedHosts(value: string): AllowedHost[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseEntry);
}

function parseEntry(entry: string): AllowedHost {
  const invalid = () =>
    new Error(
      `"${entry}" is not host or host:port (e.g. media.example.org, 10.0.0.5:8080, [fd00::5])`,
    );
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/@?#[\]\s]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!match) throw invalid();
  let url: URL;
  try {
    url = new URL(`http://${match[1]}/`);
  } catch {
    throw invalid();
  }
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && (port < 1 || port > 65535)) throw invalid();
  return { host: url.hostname, port };
}

/** Whether the URL's host (and port, its scheme's default when it names none) is allowed. */
export function isAllowedHost(url: URL, allowed: readonly AllowedHost[]): boolean {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return allowed.some((entry) => entry.host === url.hostname && (entry.port ?? port) === port);
}
