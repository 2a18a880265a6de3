// The web app's process under `npm start`: Next.js's production server, as `next start` runs
// it, behind a plain Node server that answers the player's play beacons itself. At the
// insights goal (2,000 reports a second, 80 beacons) Next.js's handling of each beacon, not
// the beacon's own work, took a third of a core from the same process's searches: search p95
// rose 33% with the beacons' INSERTs switched off, and not at all with the beacons answered
// here (bench:analytics). Everything else goes to Next.js unchanged.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import next from "next";
import { handlePlayBeacon, PLAY_BEACON_PATH } from "@/lib/catalog/insights/play-beacon-route";
import { HSTS_HEADER, RESPONSE_SECURITY_HEADERS } from "@/lib/platform/http/security-headers";
import { webMetrics } from "@/lib/platform/telemetry/web-metrics";

const port = Number(process.env.PORT);
const hostname = process.env.HOST || "127.0.0.1";

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const isBeacon = (request: IncomingMessage) =>
  request.method === "POST" &&
  (request.url === PLAY_BEACON_PATH || request.url?.startsWith(`${PLAY_BEACON_PATH}?`));

createServer((request, response) => {
  if (isBeacon(request))
    answerBeacon(request, response).catch((error: unknown) => {
      // The handler answers its own errors; this is the connection failing under the answer.
      console.error(`POST ${PLAY_BEACON_PATH} could not be answered: ${String(error)}`);
      response.destroy();
    });
  else void handleWithNext(request, response);
}).listen(port, hostname, () => {
  console.log(`web app ready on http://${hostname}:${port}`);
});

/** The beacon route as Next.js would answer it: the same handler, headers and route metric. */
async function answerBeacon(request: IncomingMessage, response: ServerResponse) {
  const started = performance.now();
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const answer = await handlePlayBeacon(
    new Request(`${proto}://${headers.get("host") ?? hostname}${request.url}`, {
      method: "POST",
      headers,
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit),
  );
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, {
    ...RESPONSE_SECURITY_HEADERS,
    ...(proto === "https" ? { [HSTS_HEADER.key]: HSTS_HEADER.value } : {}),
    ...Object.fromEntries(answer.headers),
    "content-length": String(body.length),
  });
  response.end(body);
  webMetrics().httpRequestSeconds.observe(
    {
      method: "POST",
      route: PLAY_BEACON_PATH,
      status_class: `${Math.floor(answer.status / 100)}xx`,
    },
    (performance.now() - started) / 1000,
  );
}
