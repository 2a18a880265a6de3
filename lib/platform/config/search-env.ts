import { z } from "zod";

const optionalUrl = z
  .url({ message: "expected an http(s) URL, e.g. http://127.0.0.1:11434/v1" })
  .optional();
const optionalKey = z.string().min(1).optional();

/** local-semantic (the default) and local run offline; see lib/search/embeddings. */
export const embeddingProviderSchema = z
  .enum(["local-semantic", "local", "openai", "openai-compatible"], {
    message: "expected local-semantic, local, openai or openai-compatible",
  })
  .default("local-semantic");

/**
 * Embeddings and Ask. Both default to what runs offline: the local deterministic embedder
 * and extractive answers. OpenAI or any OpenAI-compatible server (Ollama, vLLM) is switched
 * on by configuration alone; keys fall back to OPENAI_API_KEY, as the openai SDK does.
 */
export const searchEnvSchema = z
  .object({
    EMBEDDING_PROVIDER: embeddingProviderSchema,
    /** Where local-semantic caches the lexicon it builds from WordNet and Nave's topics. */
    SELAH_DATA_DIR: z.string().min(1).default(".data"),
    /** Defaults to text-embedding-3-small for openai; required for openai-compatible. */
    EMBEDDING_MODEL: z.string().min(1).optional(),
    EMBEDDING_BASE_URL: optionalUrl,
    EMBEDDING_API_KEY: optionalKey,
    /** Inputs per embeddings request (OpenAI accepts up to 2048). */
    EMBEDDING_BATCH_SIZE: z.coerce
      .number({ message: "expected a whole number" })
      .int("expected a whole number")
      .min(1, "expected at least 1")
      .max(2048, "expected at most 2048 (OpenAI's limit per request)")
      .default(96),
    /** Chat model for Ask; unset = extractive answers. */
    ASK_MODEL: z.string().min(1).optional(),
    ASK_BASE_URL: optionalUrl,
    ASK_API_KEY: optionalKey,
    OPENAI_API_KEY: optionalKey,
    OPENAI_BASE_URL: optionalUrl,
    /** The k of reciprocal rank fusion, 1 / (k + rank): larger flattens the rank curve. */
    SEARCH_RRF_K: z.coerce
      .number({ message: "expected a number" })
      .int("expected a whole number")
      .min(1)
      .max(1000)
      .default(60),
    /**
     * How much the vector ranking counts against full text (1 = equal). Unset: 0.5 with the
     * lexical `local` embedder, which mostly repeats full text, 1 with any other.
     */
    SEARCH_VECTOR_WEIGHT: z.coerce
      .number({ message: "expected a number" })
      .min(0)
      .max(10)
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.EMBEDDING_PROVIDER === "openai-compatible") {
      for (const name of ["EMBEDDING_BASE_URL", "EMBEDDING_MODEL"] as const) {
        if (!env[name])
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "is required when EMBEDDING_PROVIDER=openai-compatible",
          });
      }
    }
    if (env.EMBEDDING_PROVIDER === "openai" && !env.EMBEDDING_API_KEY && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message: "is required when EMBEDDING_PROVIDER=openai (or set EMBEDDING_API_KEY)",
      });
    }
    if (env.ASK_MODEL && !env.ASK_BASE_URL && !env.ASK_API_KEY && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["ASK_API_KEY"],
        message: "is required when ASK_MODEL is set without ASK_BASE_URL (or set OPENAI_API_KEY)",
      });
    }
  });

export type SearchEnv = z.output<typeof searchEnvSchema>;
