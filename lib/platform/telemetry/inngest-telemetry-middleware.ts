import { SpanKind } from "@opentelemetry/api";
import { Middleware } from "inngest";
import { contextOfTraceparent, inSpan, traceparentOfEvent } from "./trace-context";
import { webMetrics } from "./web-metrics";

/**
 * Every step attempt of every function, timed (selah_pipeline_step_duration_seconds) and run in
 * a span that continues the trace its triggering event carries: the upload's request, through
 * the outbox, SQS and the worker, into the run.
 */
export class TelemetryMiddleware extends Middleware.BaseMiddleware {
  readonly id = "selah:telemetry";

  override async wrapStepHandler({
    ctx,
    fn,
    next,
    stepInfo,
  }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    const functionId = fn.id();
    const step = stepInfo.options.id;
    const started = performance.now();
    let outcome = "error";
    try {
      const result = await inSpan(
        `step ${functionId}/${step}`,
        {
          kind: SpanKind.INTERNAL,
          parent: contextOfTraceparent(traceparentOfEvent(ctx.event?.data)),
          attributes: {
            "selah.function": functionId,
            "selah.step": step,
            "selah.run_id": ctx.runId,
            "selah.event_id": ctx.event?.id ?? "",
          },
        },
        () => next(),
      );
      outcome = "ok";
      return result;
    } finally {
      webMetrics().pipelineStepSeconds.observe(
        { function: functionId, step, outcome },
        (performance.now() - started) / 1000,
      );
    }
  }
}
