import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, sendJson, startOpenAiStub } from "@/test/support/openai-stub";
import { createEmbedder } from "./create-embedder";
import { embedInBatches } from "./embed-in-batches";
import { EmbeddingDimensionsError } from "./embedder";
import { createOpenAiEmbedder } from "./openai-embedder";

let stub: OpenAiStub;
let returnedDimensions = 8;

beforeAll(async () => {
  stub = await startOpenAiStub({
    // https://platform.openai.com/docs/api-reference/embeddings/create — items may come in any order; `index` places them.
    "POST /v1/embeddings": (request, res) => {
      const input = request.body.input as string[];
      const data = input.map((text, index) => ({
        object: "embedding",
        index,
        embedding: Array.from({ length: returnedDimensions }, (_, i) =>
          i === text.length % returnedDimensions ? 1 : 0,
        ),
      }));
      sendJson(res, 200, {
        object: "list",
        data: data.reverse(),
        model: request.body.model,
        usage: { prompt_tokens: 5, total_tokens: 5 },
      });
    },
  });
});
afterAll(async () => {
  await stub?.close();
});

describe("OpenAI embeddings through the openai SDK", () => {
  it("sends the model, the inputs and the dimensions, with the key, and returns vectors in input order", async () => {
    stub.requests.length = 0;
    const embedder = createEmbedder({
      EMBEDDING_PROVIDER: "openai",
      EMBEDDING_DIMENSIONS: 8,
      EMBEDDING_BATCH_SIZE: 2,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: stub.baseURL,
    });
    expect(embedder.model).toBe("text-embedding-3-small");
    const vectors = await embedInBatches(embedder, ["a", "bb", "ccc"]);
    expect(vectors.map((vector) => vector.indexOf(1))).toEqual([1, 2, 3]);
    expect(stub.requests.map((r) => [r.path, r.headers.authorization, r.body])).toEqual([
      [
        "/v1/embeddings",
        "Bearer sk-test",
        {
          model: "text-embedding-3-small",
          input: ["a", "bb"],
          encoding_format: "float",
          dimensions: 8,
        },
      ],
      [
        "/v1/embeddings",
        "Bearer sk-test",
        {
          model: "text-embedding-3-small",
          input: ["ccc"],
          encoding_format: "float",
          dimensions: 8,
        },
      ],
    ]);
  });

  it("talks to an OpenAI-compatible server by base URL and model, without the dimensions parameter", async () => {
    stub.requests.length = 0;
    const embedder = createEmbedder({
      EMBEDDING_PROVIDER: "openai-compatible",
      EMBEDDING_BASE_URL: stub.baseURL,
      EMBEDDING_MODEL: "nomic-embed-text",
      EMBEDDING_DIMENSIONS: 8,
      EMBEDDING_BATCH_SIZE: 96,
    });
    await embedder.embed(["grace"]);
    expect(stub.requests[0]?.body).toEqual({
      model: "nomic-embed-text",
      input: ["grace"],
      encoding_format: "float",
    });
  });

  it("refuses vectors of another size than the column holds, saying what to set", async () => {
    returnedDimensions = 12;
    const embedder = createOpenAiEmbedder({
      client: new OpenAI({ apiKey: "k", baseURL: stub.baseURL, maxRetries: 0 }),
      model: "m",
      dimensions: 8,
      sendDimensions: false,
      maxBatchSize: 10,
    });
    await expect(embedder.embed(["x"])).rejects.toThrow(EmbeddingDimensionsError);
    await expect(embedder.embed(["x"])).rejects.toThrow("set EMBEDDING_DIMENSIONS=12");
    returnedDimensions = 8;
  });
});
