import type { Env } from "@/lib/platform/config/parse-env";
import { createDb } from "@/lib/platform/db/client";
import { createEmbedder } from "@/lib/search/embeddings/create-embedder";
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";

/**
 * Before the services start: builds what the configured embedder needs on first start (the
 * semantic lexicon, a few seconds once, then cached), so no search or indexing waits for it,
 * and says when sermons were embedded by another model, since their moments only match
 * queries embedded the same way again after a re-index.
 */
export async function prepareEmbedder(env: Env, databaseUrl: string): Promise<void> {
  const embedder = createEmbedder(readEmbeddingConfig(env));
  if (embedder.prepare) {
    const started = performance.now();
    await embedder.prepare();
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 1)
      console.log(
        `Built the ${embedder.model} lexicon in ${seconds.toFixed(1)} s (cached from now on).`,
      );
  }
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
}
