import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type SpanKind,
} from "@opentelemetry/api";

/** Every span Selah starts itself comes from this tracer. */
export const selahTracer = () => trace.getTracer("selah");

/**
 * The current span's W3C `traceparent`, to carry across a process boundary (an outbox row, an
 * SQS attribute, an event); undefined when not tracing.
 */
export function currentTraceparent(active: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` continues; the root context when there is none. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/**
 * Runs `fn` in a new span (a child of `parent`, else of the current span), ending it when `fn`
 * settles; a throw marks the span as failed and is rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind; parent?: Context },
  fn: () => Promise<T>,
): Promise<T> {
  return selahTracer().startActiveSpan(
    name,
    { attributes: options.attributes, kind: options.kind },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Where an event sent to Inngest carries its trace: a field of its data, since Inngest passes
 * data through untouched (it strips only `_inngest`) and the event schemas ignore extra keys.
 */
export const EVENT_TRACE_KEY = "_trace";

export function withEventTrace(
  data: Record<string, unknown>,
  traceparent: string | undefined,
): Record<string, unknown> {
  return traceparent ? { ...data, [EVENT_TRACE_KEY]: { traceparent } } : data;
}

export function traceparentOfEvent(data: unknown): string | undefined {
  const trace = (data as Record<string, unknown> | undefined)?.[EVENT_TRACE_KEY];
  const value = (trace as { traceparent?: unknown } | undefined)?.traceparent;
  return typeof value === "string" && value.length <= 128 ? value : undefined;
}
