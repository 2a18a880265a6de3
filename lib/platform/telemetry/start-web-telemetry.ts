import { RouteMetricsProcessor } from "./route-metrics-processor";
import { startTracing, type Tracing } from "./start-tracing";
import { webMetrics } from "./web-metrics";

/**
 * The web app's telemetry (instrumentation.ts): request metrics from Next's request spans,
 * always; spans exported when a collector is configured. The functions it serves get theirs
 * from the Inngest client's middleware.
 */
export function startWebTelemetry(): Tracing {
  return startTracing("selah-web", { processors: [new RouteMetricsProcessor(webMetrics)] });
}
