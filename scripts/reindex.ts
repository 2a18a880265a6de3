// npm run reindex [-- --church <slug>] [--stale] [--inline]
// Re-chunks and re-embeds sermons, e.g. after changing the embedding model. By default it
// publishes sermon/reindex.requested for each sermon (the running Selah does the work);
// --inline indexes here and now instead. --stale picks only sermons whose moments were
// embedded by another model than the configured one.
import { parseArgs } from "node:util";
import { createDb } from "@/lib/platform/db/client";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import { createEmbedder } from "@/lib/search/embeddings/create-embedder";
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";
import { indexSermon } from "@/lib/pipeline/indexing/index-sermon";
import { requestReindex, sermonsToReindex } from "@/lib/pipeline/indexing/request-reindex";
import { runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";

// An unknown option exits 2; a bad EMBEDDING_* setting or a database failure exits 1.
await runCli(async () => {
  const { values } = parseArgs({
    options: {
      church: { type: "string" },
      stale: { type: "boolean", default: false },
      inline: { type: "boolean", default: false },
    },
  });
  const config = readEmbeddingConfig();
  const embedder = createEmbedder(config);
  const selection = {
    churchSlug: values.church,
    staleFor: values.stale ? embedder.model : undefined,
  };

  await withDatabase(async (url) => {
    const resized = await ensureVectorColumn(url, config.EMBEDDING_DIMENSIONS);
    if (resized)
      console.log(
        `Resized the embedding column from ${resized.from} to ${resized.to} dimensions (old vectors cleared).`,
      );
    const db = createDb(url, 2);
    try {
      if (!values.inline) {
        const count = await requestReindex(db, selection, `reindex-${new Date().toISOString()}`);
        console.log(
          `Requested re-indexing of ${count} sermon(s) with ${embedder.model}; the running Selah picks them up.`,
        );
        return;
      }
      const sermons = await sermonsToReindex(db, selection);
      let moments = 0;
      for (const [i, sermon] of sermons.entries()) {
        const result = await indexSermon({ db, embedder }, sermon);
        if (result.isIndexed) moments += result.chunkCount;
        console.log(
          `[${i + 1}/${sermons.length}] ${sermon.title}: ${result.isIndexed ? `${result.chunkCount} moments` : `skipped, ${result.reason}`}`,
        );
      }
      console.log(
        `Re-indexed ${sermons.length} sermon(s), ${moments} moments, with ${embedder.model}/${embedder.dimensions}.`,
      );
    } finally {
      await db.$disconnect();
    }
  });
});
