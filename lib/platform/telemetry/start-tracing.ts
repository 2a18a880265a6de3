import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { parseEnv, type Env } from "@/lib/platform/config/parse-env";
import { telemetryEnvSchema } from "@/lib/platform/config/telemetry-env";

export type Tracing = {
  /** Whether spans leave the process (a collector is configured). */
  isExporting: boolean;
  /** Sends what is buffered now. */
  forceFlush(): Promise<void>;
  /** Sends what is buffered and stops; call before the process exits. */
  shutdown(): Promise<void>;
};

/**
 * Sets up OpenTelemetry tracing for this process, as `serviceName`. Spans are exported over
 * OTLP/HTTP (JSON) only when OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set; the
 * exporter reads those variables and OTEL_EXPORTER_OTLP_HEADERS itself. `processors` run
 * whether or not anything is exported (the web app's request metrics read Next's spans).
 * With neither, nothing is registered and tracing costs nothing. Throws InvalidEnvError on a
 * bad setting, so a process refuses to start rather than silently not tracing.
 */
export function startTracing(
  serviceName: string,
  options: { env?: Env; processors?: SpanProcessor[] } = {},
): Tracing {
  const env = parseEnv(telemetryEnvSchema, options.env ?? process.env);
  const isExporting = Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  );
  const processors = [...(options.processors ?? [])];
  if (isExporting) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  if (processors.length === 0)
    return { isExporting, forceFlush: async () => undefined, shutdown: async () => undefined };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "process.pid": process.pid }),
    spanProcessors: processors,
  });
  // Global: the W3C propagator, the async context manager and the provider for every tracer.
  provider.register();
  return {
    isExporting,
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
