import { createEmbedder } from "./create-embedder";
import type { Embedder } from "./embedder";
import { readEmbeddingConfig } from "./read-embedding-config";

let cached: Embedder | undefined;

/** The process's embedder, from EMBEDDING_* variables, built once. */
export function configuredEmbedder(): Embedder {
  cached ??= createEmbedder(readEmbeddingConfig());
  return cached;
}
