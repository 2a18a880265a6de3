import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { WebMetrics } from "./web-metrics";

/** The span Next.js opens around each request it handles (its own tracing, on in every build). */
const NEXT_REQUEST_SPAN = "BaseServer.handleRequest";

/**
 * Times every web request from Next's own request span: Next names the route pattern it matched
 * (`http.route`, e.g. `/churches/[slug]/sermons/[sermonSlug]`), so the histogram's labels stay
 * bounded whatever URLs are asked for, and no route file needs to know. A request Next matched
 * to no route (a pass through the proxy alone) has no pattern and is not counted.
 */
export class RouteMetricsProcessor implements SpanProcessor {
  constructor(private readonly metrics: () => WebMetrics) {}

  onStart(_span: Span, _parent: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes;
    if (attributes["next.span_type"] !== NEXT_REQUEST_SPAN) return;
    const route = attributes["http.route"];
    const status = Number(attributes["http.status_code"]);
    if (typeof route !== "string" || !Number.isInteger(status)) return;
    const [seconds, nanos] = span.duration;
    this.metrics().httpRequestSeconds.observe(
      {
        method: String(attributes["http.method"] ?? "GET"),
        route,
        status_class: `${Math.floor(status / 100)}xx`,
      },
      seconds + nanos / 1e9,
    );
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
