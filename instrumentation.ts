// Next.js runs register() once per server process, before any request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWebTelemetry } = await import("@/lib/platform/telemetry/start-web-telemetry");
  startWebTelemetry();
  const { warmSearch } = await import("@/lib/search/warm-search");
  void warmSearch();
}
