import { Inngest } from "inngest";
import { AppErrorMiddleware } from "@/lib/platform/errors/app-error-middleware";
import { TelemetryMiddleware } from "@/lib/platform/telemetry/inngest-telemetry-middleware";

/**
 * The one Inngest client. Mode and URLs come from INNGEST_* variables (lib/platform/config/inngest-env.ts).
 * Its middleware is the functions' one error mapping (an AppError no retry can fix ends the run)
 * and their telemetry (a span and a duration per step, continuing the event's trace).
 */
export const inngest = new Inngest({
  id: "selah",
  middleware: [AppErrorMiddleware, TelemetryMiddleware],
});
