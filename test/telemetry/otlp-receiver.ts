import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedSpan = {
  service: string;
  pid: number | undefined;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
};

type AnyValue = { stringValue?: string; intValue?: number | string };
type OtlpJson = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: AnyValue }[] };
    scopeSpans?: {
      spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string }[];
    }[];
  }[];
};

/**
 * A collector as small as it gets: takes OTLP/HTTP JSON on /v1/traces (what the OTLP HTTP
 * exporter sends) and keeps every span with its process's service name and pid.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpJson;
        for (const resourceSpans of body.resourceSpans ?? []) {
          const attribute = (key: string) =>
            resourceSpans.resource?.attributes?.find((a) => a.key === key)?.value;
          const pid = attribute("process.pid")?.intValue;
          for (const scope of resourceSpans.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({
                service: attribute("service.name")?.stringValue ?? "",
                pid: pid === undefined ? undefined : Number(pid),
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? "",
                name: span.name,
              });
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
