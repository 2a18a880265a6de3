import { trace } from "@opentelemetry/api";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { RouteMetricsProcessor } from "@/lib/platform/telemetry/route-metrics-processor";
import { startTracing } from "@/lib/platform/telemetry/start-tracing";
import { webMetrics } from "@/lib/platform/telemetry/web-metrics";

const TOKEN = "m".repeat(40);
const scrape = (token?: string) =>
  GET(
    new Request("http://selah.test/api/metrics", {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );

afterEach(() => {
  delete process.env.ADMIN_API_TOKEN;
});

/** A request span as Next.js ends it (BaseServer.handleRequest with the route it matched). */
function endNextRequestSpan(
  provider: BasicTracerProvider,
  attributes: Record<string, string | number>,
) {
  const span = provider.getTracer("next.js").startSpan("GET", {
    attributes: { "next.span_type": "BaseServer.handleRequest", ...attributes },
  });
  span.end();
}

describe("/api/metrics", () => {
  it("answers the operator's token only", async () => {
    expect((await scrape(TOKEN)).status).toBe(403);
    process.env.ADMIN_API_TOKEN = TOKEN;
    expect((await scrape()).status).toBe(401);
    expect((await scrape("x".repeat(40))).status).toBe(403);
    expect((await scrape(TOKEN)).status).toBe(200);
  });

  it("counts requests by the route pattern Next matched, not the URL, and by status class", async () => {
    process.env.ADMIN_API_TOKEN = TOKEN;
    const provider = new BasicTracerProvider({
      spanProcessors: [new RouteMetricsProcessor(webMetrics)],
    });
    const route = "/churches/[slug]/sermons/[sermonSlug]";
    for (const slug of ["a", "b", "c"])
      endNextRequestSpan(provider, {
        "http.method": "GET",
        "http.target": `/churches/grace/sermons/${slug}`,
        "http.route": route,
        "http.status_code": 200,
      });
    endNextRequestSpan(provider, {
      "http.method": "POST",
      "http.route": "/api/ask",
      "http.status_code": 413,
    });
    // Next's inner spans and a pass that matched no route are not requests to count.
    provider.getTracer("next.js").startSpan("render route").end();
    endNextRequestSpan(provider, { "http.method": "GET", "http.status_code": 200 });
    webMetrics().searchSeconds.observe(0.02);

    const response = await scrape(TOKEN);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(
      `selah_http_request_duration_seconds_count{method="GET",route="${route}",status_class="2xx"} 3`,
    );
    expect(text).toContain(
      'selah_http_request_duration_seconds_count{method="POST",route="/api/ask",status_class="4xx"} 1',
    );
    expect(text).not.toContain("/churches/grace/");
    expect(text).toMatch(/^selah_search_duration_seconds_count 1$/m);
    expect(text).toContain("# TYPE selah_pipeline_step_duration_seconds histogram");
    expect(text).toContain("# TYPE selah_outbox_backlog gauge");
    // Every counted request is in exactly one series: 3 + 1.
    const counts = [...text.matchAll(/^selah_http_request_duration_seconds_count\{.*\} (\d+)$/gm)];
    expect(counts.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(4);
  });
});

describe("tracing off by default", () => {
  it("registers nothing and exports nothing without a collector", async () => {
    const tracing = startTracing("selah-web", { env: {} });
    expect(tracing.isExporting).toBe(false);
    const span = trace.getTracer("selah").startSpan("upload.complete");
    expect(span.isRecording()).toBe(false);
    span.end();
    await tracing.shutdown();
  });

  it("refuses a collector setting it cannot use, naming the variable", () => {
    expect(() =>
      startTracing("selah-web", {
        env: {
          OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318",
          OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        },
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL: expected http\/json/);
  });
});
