import type { Env } from "@/lib/platform/config/parse-env";
import { createDb } from "@/lib/platform/db/client";
import { createEmbedder } from "@/lib/search/embeddings/create-embedder";
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";

/**
 * Builds what the configured embedder needs on first start (the semantic lexicon: seconds,
 * once, then cached), so no search or indexing waits for it, and says when sermons were
 * embedded by another model, since their moments only match queries embedded the same way
 * again after a re-index. The build runs while the other services start: the launcher starts
 * this early and awaits `ready` just before the worker and the web app.
 */
export function prepareEmbedder(env: Env): {
  ready: Promise<void>;
  reportStale: (databaseUrl: string) => Promise<void>;
} {
  const embedder = createEmbedder(readEmbeddingConfig(env));
  const started = performance.now();
  const ready = (async () => {
    if (!embedder.prepare) return;
    await embedder.prepare();
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 1)
      console.log(
        `The ${embedder.model} lexicon is ready in ${seconds.toFixed(1)} s (built on first start, then read from the data folder).`,
      );
  })();
  // Awaited later; until then a failure must not count as unhandled.
  ready.catch(() => {});
  const reportStale = async (databaseUrl: string) => {
    const db = createDb(databaseUrl, 1);
    try {
      const stale = await db.sermon.count({
        where: { chunks: { some: { NOT: { embeddingModel: embedder.model } } } },
      });
      if (stale > 0)
        console.log(
          `${stale} sermon(s) were embedded by another model than ${embedder.model}; re-embed them with npm run reindex -- --stale.`,
        );
    } finally {
      await db.$disconnect();
    }
  };
  return { ready, reportStale };
}
