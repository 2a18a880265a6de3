import path from "node:path";
import type { Env } from "@/lib/platform/config/parse-env";
import { readOrCreateSecret } from "./read-or-create-secret";

/**
 * The embedded engine runs signed, like Inngest: keys made once into the data dir (as the auth
 * secret is) and kept there, so runs and the worker's sends survive restarts. The signing key is
 * `signkey-local-` + the hex in `inngest-signing-key`; the event key is `inngest-event-key`.
 * The same variables go to the engine (it reads them as `inngest start` does), the web app (the
 * SDK serves in cloud mode against the engine's URL and verifies every call) and the worker.
 */
export function embeddedInngestEnv(engineUrl: string, dataDir: string): Env {
  return {
    INNGEST_DEV: "0",
    INNGEST_BASE_URL: engineUrl,
    INNGEST_SIGNING_KEY: `signkey-local-${readOrCreateSecret(path.join(dataDir, "inngest-signing-key"))}`,
    INNGEST_EVENT_KEY: readOrCreateSecret(path.join(dataDir, "inngest-event-key")),
    // Only the engine's signed PUTs sync the app; an unsigned one (say, with a forged Host) gets 401.
    INNGEST_ENABLE_UNAUTHED_SYNC: "false",
  };
}
