// The web app's process under `npm start`: Next.js's production server, as `next start` runs
// it, behind a plain Node server that answers the busiest requests itself, with the same
// handlers their Next.js routes use: the player's play beacons and the media files. Next.js's
// handling around a route handler costs more than these handlers' own work: at the insights
// goal (2,000 reports a second, 80 beacons) it took a third of a core from the same process's
// searches (search p95 +33% with the beacons' INSERTs switched off; +46% → +21% once answered
// here, bench:analytics), and segments went out at a quarter of a static server's rate
// (bench:playback). Everything else goes to Next.js unchanged.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import next from "next";
import { handlePlayBeacon, PLAY_BEACON_PATH } from "@/lib/catalog/insights/play-beacon-route";
import { handleMediaRequest, MEDIA_ROUTE } from "@/lib/catalog/playback/media-route";
import { HSTS_HEADER, RESPONSE_SECURITY_HEADERS } from "@/lib/platform/http/security-headers";
import { webMetrics } from "@/lib/platform/telemetry/web-metrics";

const port = Number(process.env.PORT);
const hostname = process.env.HOST || "127.0.0.1";

type Handler = (request: Request) => Promise<Response>;

interface FastRoute {
  /** The route pattern, as Next.js names it in the request metric. */
  route: string;
  methods: readonly string[];
  /** The handler for `pathname`, or undefined when the route does not take it. */
  match: (pathname: string) => Handler | undefined;
}

const MEDIA_PATH = /^\/media\/([^/]+)\/(.+)$/;

const FAST_ROUTES: readonly FastRoute[] = [
  {
    route: PLAY_BEACON_PATH,
    methods: ["POST"],
    match: (pathname) => (pathname === PLAY_BEACON_PATH ? handlePlayBeacon : undefined),
  },
  {
    route: MEDIA_ROUTE,
    methods: ["GET", "HEAD"],
    match: (pathname) => {
      const [, sermonId, path] = MEDIA_PATH.exec(pathname) ?? [];
      if (!sermonId || !path) return undefined;
      try {
        const segments = path.split("/").map(decodeURIComponent);
        return (request) => handleMediaRequest(request, decodeURIComponent(sermonId), segments);
      } catch {
        return undefined; // malformed escapes: Next.js answers as it would
      }
    },
  },
];

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handleWithNext = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  const pathname = (request.url ?? "/").split("?")[0]!;
  for (const route of FAST_ROUTES) {
    const handler = route.methods.includes(request.method ?? "")
      ? route.match(pathname)
      : undefined;
    if (!handler) continue;
    answer(request, response, handler, route.route).catch((error: unknown) => {
      // The handlers answer their own errors; this is the connection failing under the answer,
      // which is routine when the client went away first (a page closing after its beacon).
      if (!request.destroyed && !response.destroyed)
        console.error(`${request.method} ${route.route} could not be answered: ${String(error)}`);
      response.destroy();
    });
    return;
  }
  void handleWithNext(request, response);
}).listen(port, hostname, () => {
  console.log(`web app ready on http://${hostname}:${port}`);
});

/**
 * A request answered by `handler` as Next.js would: the headers next.config.ts gives every
 * answer, then the handler's (a media answer's Content-Length relayed by the preloaded
 * media-content-length.mjs as they go out, as for the Next.js route), and the request metric.
 */
async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  handler: Handler,
  route: string,
) {
  const started = performance.now();
  const method = request.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const hasBody = method !== "GET" && method !== "HEAD";
  const answered = await handler(
    new Request(`${proto}://${headers.get("host") ?? hostname}${request.url}`, {
      method,
      headers,
      ...(hasBody
        ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: "half" }
        : {}),
    } as RequestInit),
  );
  for (const [name, value] of Object.entries(RESPONSE_SECURITY_HEADERS))
    response.setHeader(name, value);
  if (proto === "https") response.setHeader(HSTS_HEADER.key, HSTS_HEADER.value);
  response.setHeaders(answered.headers);
  response.writeHead(answered.status);
  // Until the answer is handed off, as Next.js's own request span times it.
  webMetrics().httpRequestSeconds.observe(
    { method, route, status_class: `${Math.floor(answered.status / 100)}xx` },
    (performance.now() - started) / 1000,
  );
  if (method === "HEAD" || !answered.body) {
    response.end();
    void answered.body?.cancel();
  } else {
    await pipeline(Readable.fromWeb(answered.body as never), response);
  }
}
