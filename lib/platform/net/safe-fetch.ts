import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { formatBytes } from "@/lib/platform/text/format";
import { type AllowedHost, isAllowedHost } from "./allowed-hosts";
import { FetchFailedError, FetchRefusedError } from "./fetch-errors";
import { isPublicAddress } from "./public-address";

export interface SafeFetchOptions {
  /** The largest body accepted, in bytes: a larger Content-Length is refused, a longer body cut. */
  maxBytes: number;
  /** The variable that sets maxBytes, named in the message when a body is over it. */
  maxBytesSetting?: string;
  /** Hosts that may be reached although they are not public (IMPORT_ALLOWED_HOSTS). */
  allowedHosts?: readonly AllowedHost[];
  maxRedirects?: number;
  /** From sending the request to the answer's headers, connecting included. */
  headersTimeoutMs?: number;
  /** The longest silence while the body streams. */
  idleTimeoutMs?: number;
  accept?: string;
  signal?: AbortSignal;
  /** How host names are resolved: dns.lookup, unless a test resolves them its own way. */
  resolve?: LookupFunction;
}

export interface SafeResponse {
  /** Where the body came from, after redirects. */
  url: URL;
  contentType: string | null;
  /** As the server announced it (never above maxBytes), or null. */
  contentLength: number | null;
  /** The body; it fails with FetchRefusedError past maxBytes, FetchFailedError if it stalls or breaks off. */
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "Selah (podcast feed import)";
const DEFAULTS = { maxRedirects: 5, headersTimeoutMs: 30_000, idleTimeoutMs: 60_000 };

/**
 * GET for URLs someone else chose (a podcast feed, its audio and transcripts), made safe for
 * the server to follow: http(s) only; no private, loopback, link-local or other special
 * address, checked on the address the host name resolves to, and the connection made to that
 * very address (the check runs inside the socket's own lookup, so a second DNS answer cannot
 * swap it); every redirect checked the same way; bounded in size, time and redirects. Hosts in
 * `allowedHosts` skip the address rule (an intranet media server), nothing else.
 */
export async function safeFetch(address: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const settings = { ...DEFAULTS, ...options };
  let url = parseHttpUrl(address);
  for (let redirects = 0; ; redirects++) {
    const answer = await requestOnce(url, settings);
    const status = answer.statusCode ?? 0;
    const location = answer.headers.location;
    if (REDIRECTS.has(status) && location) {
      answer.destroy();
      if (redirects >= settings.maxRedirects)
        throw new FetchRefusedError(
          `${shown(url)} redirected more than ${settings.maxRedirects} times; giving up.`,
        );
      url = parseHttpUrl(location, url);
      continue;
    }
    if (status !== 200) {
      answer.destroy();
      throw refusingAnswer(url, status);
    }
    const contentLength = declaredLength(answer);
    if (contentLength !== null && contentLength > settings.maxBytes) {
      answer.destroy();
      throw new FetchRefusedError(
        `${shown(url)} is ${formatBytes(contentLength)}, over the ${limitOf(settings)}.`,
      );
    }
    return {
      url,
      contentType: answer.headers["content-type"] ?? null,
      contentLength,
      body: Readable.from(limitedBody(answer, url, contentLength, settings)),
    };
  }
}

/**
 * The checks a fetch of `address` would make before connecting, without connecting: for a form
 * to refuse a private or malformed address while the person is still there, rather than in a
 * background job later. The fetch itself checks again (DNS answers can change).
 */
export async function assertFetchable(
  address: string,
  options: Pick<SafeFetchOptions, "allowedHosts" | "resolve">,
): Promise<void> {
  const url = parseHttpUrl(address);
  if (isAllowedHost(url, options.allowedHosts ?? [])) return;
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) {
    if (!isPublicAddress(literal)) throw new FetchRefusedError(notPublicMessage(url, literal));
    return;
  }
  const lookup = publicOnlyLookup(options.resolve ?? (dnsLookup as LookupFunction), url);
  await new Promise<void>((resolve, reject) =>
    lookup(literal, { all: true }, (error) =>
      error ? reject(asFetchError(error, url)) : resolve(),
    ),
  );
}

/** The whole body, for small documents (a feed, a transcript): at most maxBytes in memory. */
export async function readBody(response: SafeResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseHttpUrl(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new FetchRefusedError(
      base
        ? `${shown(base)} redirected to "${clip(address)}", which is not a valid address.`
        : `"${clip(address)}" is not a valid web address.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchRefusedError(
      `${base ? `${shown(base)} redirected to` : "Selah fetches only http(s) addresses, not"} ${url.protocol.slice(0, -1)}: "${clip(shown(url))}"${base ? ", which Selah does not follow" : ""}.`,
    );
  if (url.username || url.password)
    throw new FetchRefusedError(
      `${shown(url)} carries a user name or password; Selah does not send them.`,
    );
  return url;
}

function requestOnce(
  url: URL,
  settings: SafeFetchOptions & typeof DEFAULTS,
): Promise<IncomingMessage> {
  const isAllowed = isAllowedHost(url, settings.allowedHosts ?? []);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  // An IP address in the URL is connected to without any lookup: it is checked here instead.
  if (isIP(literal) && !isAllowed && !isPublicAddress(literal))
    throw new FetchRefusedError(notPublicMessage(url, literal));
  const resolve = settings.resolve ?? (dnsLookup as LookupFunction);
  return new Promise((resolvePromise, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      headers: {
        accept: settings.accept ?? "*/*",
        "accept-encoding": "identity",
        "user-agent": USER_AGENT,
      },
      lookup: isAllowed ? resolve : publicOnlyLookup(resolve, url),
      agent: false,
      signal: settings.signal,
    });
    const timer = setTimeout(
      () =>
        request.destroy(
          new FetchFailedError(
            `${shown(url)} did not answer within ${settings.headersTimeoutMs / 1000} s.`,
          ),
        ),
      settings.headersTimeoutMs,
    );
    request.once("response", (answer) => {
      clearTimeout(timer);
      resolvePromise(answer);
    });
    request.once("error", (error) => {
      clearTimeout(timer);
      reject(asFetchError(error, url));
    });
    request.end();
  });
}

/**
 * The socket's lookup: resolves every address of the host and refuses the connection unless
 * all are public, so whichever one the socket then tries is one that was checked.
 */
function publicOnlyLookup(resolve: LookupFunction, url: URL): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const refused = list.find((entry) => !isPublicAddress(entry.address));
      if (refused || list.length === 0)
        return callback(
          new FetchRefusedError(notPublicMessage(url, refused?.address ?? "no address")),
          "",
          0,
        );
      if (options.all) return callback(null, list as never);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

async function* limitedBody(
  answer: IncomingMessage,
  url: URL,
  contentLength: number | null,
  settings: SafeFetchOptions & typeof DEFAULTS,
): AsyncGenerator<Buffer> {
  answer.setTimeout(settings.idleTimeoutMs, () =>
    answer.destroy(
      new FetchFailedError(
        `${shown(url)} stopped sending for ${settings.idleTimeoutMs / 1000} s; giving up.`,
      ),
    ),
  );
  let received = 0;
  try {
    for await (const chunk of answer) {
      received += (chunk as Buffer).length;
      if (received > settings.maxBytes)
        throw new FetchRefusedError(
          `${shown(url)} is larger than the ${limitOf(settings)}; stopped after ${formatBytes(settings.maxBytes)}.`,
        );
      yield chunk as Buffer;
    }
  } catch (error) {
    throw asFetchError(error, url);
  } finally {
    answer.destroy();
  }
  if (contentLength !== null && received < contentLength)
    throw new FetchFailedError(
      `${shown(url)} broke off after ${formatBytes(received)} of ${formatBytes(contentLength)}.`,
    );
}

function declaredLength(answer: IncomingMessage): number | null {
  const header = answer.headers["content-length"];
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

function refusingAnswer(url: URL, status: number): Error {
  const message = `${shown(url)} answered HTTP ${status}${status === 200 ? "" : ` (${http.STATUS_CODES[status] ?? "unknown"})`}.`;
  if (status >= 500 || status === 408 || status === 429) return new FetchFailedError(message);
  return new FetchRefusedError(
    status >= 300 && status < 400
      ? message.replace(/\.$/, " without a Location to follow.")
      : message,
  );
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT)/;

function asFetchError(error: unknown, url: URL): Error {
  if (error instanceof FetchRefusedError || error instanceof FetchFailedError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "";
  if ((error as Error | null)?.name === "AbortError")
    return new FetchFailedError(`The fetch of ${shown(url)} was cancelled.`, error);
  if (code === "ENOTFOUND")
    return new FetchRefusedError(`${url.hostname} does not exist (no DNS record).`);
  if (TLS_CODES.test(code))
    return new FetchRefusedError(
      `${url.hostname}'s certificate is not valid (${code}); Selah fetches only from servers whose certificate checks out.`,
    );
  const what = code || (error instanceof Error ? error.message : String(error));
  return new FetchFailedError(`Could not fetch ${shown(url)} (${what}).`, error);
}

function notPublicMessage(url: URL, address: string): string {
  const isLiteral = isIP(url.hostname.replace(/^\[|\]$/g, "")) !== 0;
  const what = isLiteral ? address : `${url.hostname} resolves to ${address}, which`;
  return `${shown(url)} refused: ${what} is not a public address (private, loopback, link-local or reserved). List the host in IMPORT_ALLOWED_HOSTS to allow it.`;
}

function limitOf(settings: SafeFetchOptions): string {
  const limit = `${formatBytes(settings.maxBytes)} limit`;
  return settings.maxBytesSetting ? `${limit} (${settings.maxBytesSetting})` : limit;
}

/** An address as messages quote it: without its query, which may hold a token. */
export function shown(url: URL): string {
  return clip(`${url.origin}${url.pathname}`);
}

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
