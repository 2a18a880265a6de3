// npm run semantic:build
// Builds (or finds already cached) the local-semantic embedder's lexicon in SELAH_DATA_DIR, so
// the first start, test or eval on this machine does not wait for it. scripts/ensure-deps.sh
// runs it after installing WordNet and Nave's topics.
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";
import {
  loadSemanticLexicon,
  semanticLexiconFile,
} from "@/lib/search/embeddings/semantic/load-semantic-lexicon";
import { runCli } from "./cli/run-cli";

await runCli(async () => {
  const dataDir = readEmbeddingConfig().SELAH_DATA_DIR ?? ".data";
  const started = performance.now();
  const lexicon = await loadSemanticLexicon(dataDir);
  console.log(
    `Semantic lexicon ready: ${Object.keys(lexicon.concepts).length} words in ${semanticLexiconFile(dataDir)} (${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
});
