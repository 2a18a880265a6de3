import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/**
 * The port of the podcast host the import spec serves a feed from. It is fixed (next to the
 * app's) because the app must list it in IMPORT_ALLOWED_HOSTS before it starts: loopback is
 * otherwise refused, as every private address is.
 */
export const feedSitePort = (appPort: number) => appPort + 17;

type Route = { body: string | Buffer; type: string } | { redirect: string };

/** A podcast host on 127.0.0.1:`port` answering `routes` by path (404 otherwise). */
export async function serveFeedSite(port: number, routes: Record<string, Route>) {
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? "/", "http://x").pathname];
    if (!route) return void response.writeHead(404).end("not found");
    if ("redirect" in route)
      return void response.writeHead(302, { location: route.redirect }).end();
    response.writeHead(200, {
      "content-type": route.type,
      "content-length": Buffer.byteLength(route.body),
    });
    response.end(request.method === "HEAD" ? undefined : route.body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const fileRoute = (file: string, type: string): Route => ({
  body: readFileSync(file),
  type,
});
