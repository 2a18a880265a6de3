import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Another site, as a church's own website would be: a tiny HTTP server on its own port (so
 * another origin than Selah's) answering every request with `html`. `close()` stops it.
 */
export async function serveOtherSite(
  html: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
