import type OpenAI from "openai";
import { EmbeddingDimensionsError, type Embedder } from "./embedder";

export type OpenAiEmbedderOptions = {
  client: OpenAI;
  model: string;
  dimensions: number;
  /**
   * Ask the model for `dimensions` (OpenAI's text-embedding-3 models shorten their vectors
   * on request). Compatible servers often reject the parameter; their model's own size must
   * then match EMBEDDING_DIMENSIONS.
   */
  sendDimensions: boolean;
  maxBatchSize: number;
};

/** Embeddings through the openai SDK: OpenAI itself or any server speaking its API. */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const { client, model, dimensions } = options;
  return {
    model,
    dimensions,
    maxBatchSize: options.maxBatchSize,
    async embed(texts) {
      if (texts.length === 0) return [];
      const response = await client.embeddings.create({
        model,
        input: [...texts],
        encoding_format: "float",
        ...(options.sendDimensions ? { dimensions } : {}),
      });
      // The API documents `index` on each item; order by it rather than trusting the array.
      const vectors = [...response.data]
        .sort((a, b) => a.index - b.index)
        .map((item) => item.embedding);
      if (vectors.length !== texts.length) {
        throw new Error(
          `Embedding model ${model} returned ${vectors.length} vectors for ${texts.length} inputs`,
        );
      }
      for (const vector of vectors) {
        if (vector.length !== dimensions)
          throw new EmbeddingDimensionsError(model, dimensions, vector.length);
      }
      return vectors;
    },
  };
}
