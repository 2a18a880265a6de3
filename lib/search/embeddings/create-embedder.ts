import OpenAI from "openai";
import type { SearchEnv } from "@/lib/platform/config/search-env";
import type { Embedder } from "./embedder";
import { createLocalEmbedder } from "./local-embedder";
import { createOpenAiEmbedder } from "./openai-embedder";
import { loadSemanticLexicon } from "./semantic/load-semantic-lexicon";
import { createSemanticEmbedder } from "./semantic/semantic-embedder";

export type EmbeddingConfig = Pick<
  SearchEnv,
  | "EMBEDDING_PROVIDER"
  | "EMBEDDING_MODEL"
  | "EMBEDDING_BASE_URL"
  | "EMBEDDING_API_KEY"
  | "EMBEDDING_BATCH_SIZE"
  | "OPENAI_API_KEY"
  | "OPENAI_BASE_URL"
> &
  Partial<Pick<SearchEnv, "SELAH_DATA_DIR">> & { EMBEDDING_DIMENSIONS: number };

const DEFAULT_OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";

/** The embedder the configuration names (EMBEDDING_PROVIDER and friends). */
export function createEmbedder(config: EmbeddingConfig): Embedder {
  const dimensions = config.EMBEDDING_DIMENSIONS;
  if (config.EMBEDDING_PROVIDER === "local") return createLocalEmbedder(dimensions);
  if (config.EMBEDDING_PROVIDER === "local-semantic")
    return createSemanticEmbedder(dimensions, () =>
      loadSemanticLexicon(config.SELAH_DATA_DIR ?? ".data"),
    );
  const isOpenAi = config.EMBEDDING_PROVIDER === "openai";
  const client = new OpenAI({
    apiKey: config.EMBEDDING_API_KEY ?? config.OPENAI_API_KEY ?? "not-needed",
    baseURL: config.EMBEDDING_BASE_URL ?? (isOpenAi ? config.OPENAI_BASE_URL : undefined),
    maxRetries: 3,
    timeout: 60_000,
  });
  return createOpenAiEmbedder({
    client,
    model: config.EMBEDDING_MODEL ?? DEFAULT_OPENAI_EMBEDDING_MODEL,
    dimensions,
    sendDimensions: isOpenAi,
    maxBatchSize: config.EMBEDDING_BATCH_SIZE,
  });
}
