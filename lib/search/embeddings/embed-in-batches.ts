import type { Embedder } from "./embedder";

// OpenAI caps a request at 2048 inputs and 300k tokens, and one input at 8192 tokens. At
// roughly four characters a token these budgets stay well inside both on any English text.
const MAX_BATCH_CHARS = 400_000;
const MAX_INPUT_CHARS = 24_000;

/**
 * Embeds any number of texts in as few calls as the provider's limits allow, one call at a
 * time (a sermon has a few dozen moments; parallel calls would only meet rate limits).
 */
export async function embedInBatches(
  embedder: Embedder,
  texts: readonly string[],
): Promise<number[][]> {
  const vectors: number[][] = [];
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    vectors.push(...(await embedder.embed(batch)));
    batch = [];
    batchChars = 0;
  };
  for (const text of texts) {
    const input = text.slice(0, MAX_INPUT_CHARS);
    if (batch.length >= embedder.maxBatchSize || batchChars + input.length > MAX_BATCH_CHARS)
      await flush();
    batch.push(input);
    batchChars += input.length;
  }
  await flush();
  return vectors;
}
