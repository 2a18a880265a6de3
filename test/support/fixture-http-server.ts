import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A local HTTP server for tests that fetch from "the internet": routes by path, changeable
 * while it runs, and a count of the connections made to it (a refused fetch makes none).
 */
export async function startFixtureServer(routes: Record<string, Route> = {}) {
  const table = new Map(Object.entries(routes));
  const server = createServer((req, res) => {
    const route = table.get(new URL(req.url ?? "/", "http://fixture").pathname);
    if (route) return route(req, res);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** `127.0.0.1:<port>`, as IMPORT_ALLOWED_HOSTS names it. */
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    route(path: string, route: Route) {
      table.set(path, route);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

/** A route answering 200 with these bytes. */
export const serveBytes =
  (body: Uint8Array | string, contentType = "application/octet-stream"): Route =>
  (_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
    res.end(body);
  };

/** A route redirecting to `location`. */
export const redirectTo =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
