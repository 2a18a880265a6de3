import { webLogger } from "@/lib/platform/telemetry/logger";
import { configuredEmbedder } from "./embeddings/configured-embedder";

/**
 * Loads what the first search would otherwise wait for (the local-semantic lexicon: ~0.4 s of
 * JSON parsing, once per process) in the background as the web app starts, so the first
 * listener to search does not pay for it. A failure is only logged: that search reports it.
 */
export async function warmSearch(): Promise<void> {
  try {
    await configuredEmbedder().prepare?.();
  } catch (error) {
    webLogger().warn({ err: error }, "search embedder not prepared ahead of the first search");
  }
}
