/** What the Network Information API (Chromium only) says about the listener's connection. */
export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
}

const SLOW_CONNECTIONS = new Set(["slow-2g", "2g", "3g"]);

/**
 * The single file to play instead of the HLS ladder, or undefined for the ladder (hls.js).
 * The download is the ladder's top rendition (64k AAC, fast-start .m4a), so on an ordinary
 * connection it sounds the same, starts with one request instead of four, and spares the
 * listener ~110 KB of hls.js. Only the 32k rendition is worth adapting down to: on a
 * connection that says it is slow or saving data, the ladder plays.
 */
export function progressiveSourceFor(
  downloadUrl: string | null,
  connection: ConnectionHints | undefined,
): string | undefined {
  if (downloadUrl === null) return undefined;
  if (connection?.saveData === true) return undefined;
  if (SLOW_CONNECTIONS.has(connection?.effectiveType ?? "")) return undefined;
  return downloadUrl;
}
