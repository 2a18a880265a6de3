import { Gauge, Histogram, Registry } from "prom-client";
import { getDb } from "@/lib/platform/db/client";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STEP_SECONDS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600];

function createWebMetrics() {
  const registry = new Registry();
  return {
    registry,
    httpRequestSeconds: new Histogram({
      name: "selah_http_request_duration_seconds",
      help: "Web requests by method, route pattern (as Next matched it) and status class, until the response was handed off.",
      labelNames: ["method", "route", "status_class"] as const,
      buckets: SECONDS,
      registers: [registry],
    }),
    searchSeconds: new Histogram({
      name: "selah_search_duration_seconds",
      help: "A listener's search (runSearch: full text + vector, fused).",
      buckets: SECONDS,
      registers: [registry],
    }),
    pipelineStepSeconds: new Histogram({
      name: "selah_pipeline_step_duration_seconds",
      help: "One attempt of a pipeline step, by function, step and outcome (ok or error).",
      labelNames: ["function", "step", "outcome"] as const,
      buckets: STEP_SECONDS,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: "selah_outbox_backlog",
      help: "Outbox rows not yet sent to SQS (read when scraped).",
      registers: [registry],
      async collect() {
        // A database that is down (or not configured) leaves the gauge out, not the scrape.
        const backlog = await (async () =>
          getDb().outbox.count({ where: { sentAt: null } }))().catch(() => undefined);
        if (backlog !== undefined) this.set(backlog);
      },
    }),
  };
}

export type WebMetrics = ReturnType<typeof createWebMetrics>;

const key = Symbol.for("selah.webMetrics");

/** The web app's metrics, one registry per process (GET /api/metrics). */
export function webMetrics(): WebMetrics {
  const holder = globalThis as Record<symbol, WebMetrics | undefined>;
  return (holder[key] ??= createWebMetrics());
}
