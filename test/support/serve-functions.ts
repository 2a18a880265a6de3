// Process entry for tests: the app's Inngest functions served over HTTP on FUNCTIONS_PORT, as
// the web app's /api/inngest serves them, configured by the same environment (DATABASE_URL,
// S3_*, INNGEST_*), without a `next build`. Tests SIGKILL it and start it again on the port.
import { createServer } from "node:http";
import { serve } from "inngest/node";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { startWebTelemetry } from "@/lib/platform/telemetry/start-web-telemetry";

// As the web app's instrumentation.ts does: the functions' spans are the web app's.
const tracing = startWebTelemetry();

const port = Number(process.env.FUNCTIONS_PORT ?? 0);
const handler = serve({ client: inngest, functions });
const server = createServer((req, res) => void handler(req, res));
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  console.log(`functions listening on http://127.0.0.1:${bound}/api/inngest`);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => void tracing.shutdown().finally(() => process.exit(0)));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
