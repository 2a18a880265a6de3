import { z } from "zod";

/**
 * Logs and traces, read by every process (web, worker, launcher). Tracing is off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT names a collector; the variables are OpenTelemetry's own.
 */
export const telemetryEnvSchema = z.object({
  /** json: one JSON object a line; pretty: short lines for a person. Unset: pretty on a terminal. */
  LOG_FORMAT: z.enum(["json", "pretty"], { message: "expected json or pretty" }).optional(),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error", "silent"], {
      message: "expected debug, info, warn, error or silent",
    })
    .default("info"),
  /** An OTLP/HTTP collector's base URL; spans go to <it>/v1/traces. Unset: no traces leave. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "expected the collector's http(s) URL" })
    .optional(),
  /** Also accepted: a full traces URL, as OpenTelemetry defines it. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "expected the collector's traces URL (http or https)" })
    .optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z
    .literal("http/json", {
      message: "expected http/json (the only OTLP encoding Selah sends; collectors accept it)",
    })
    .optional(),
});

export type TelemetryEnv = z.output<typeof telemetryEnvSchema>;
