// GET /api/metrics — the web app's Prometheus metrics, for the operator's token only.
import { checkOperatorToken } from "@/lib/platform/http/check-operator-token";
import { withErrorResponse } from "@/lib/platform/http/with-error-response";
import { webMetrics } from "@/lib/platform/telemetry/web-metrics";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const denied = checkOperatorToken(request, "Metrics");
  if (denied) return denied;
  const { registry } = webMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
