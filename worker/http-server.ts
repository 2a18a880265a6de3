import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export type HealthReport = { status: "up" | "degraded" | "stopping"; [detail: string]: unknown };

export type WorkerHttpServer = { port: number; close(): Promise<void> };

/** GET /health (JSON, 503 unless up) and GET /metrics (Prometheus text). */
export async function startHttpServer(options: {
  host: string;
  port: number;
  health: () => HealthReport;
  registry: Registry;
}): Promise<WorkerHttpServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET") {
      response.writeHead(405, { allow: "GET" }).end();
    } else if (path === "/health") {
      const report = options.health();
      response.writeHead(report.status === "up" ? 200 : 503, {
        "content-type": "application/json",
        "cache-control": "no-store",
      });
      response.end(JSON.stringify(report));
    } else if (path === "/metrics") {
      options.registry.metrics().then(
        (text) =>
          response.writeHead(200, { "content-type": options.registry.contentType }).end(text),
        (error: unknown) =>
          response.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
      );
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
