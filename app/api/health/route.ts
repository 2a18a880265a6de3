// GET /api/health — each dependency up/down with latency; 503 when any is down.
import { serverEnv } from "@/lib/platform/config/server-env";
import { checkDependencies } from "@/lib/platform/health/check-dependencies";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkDependencies(serverEnv());
  return Response.json(report, {
    status: report.status === "up" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
