import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { searchEnvSchema } from "@/lib/platform/config/search-env";
import { embeddingEnvSchema } from "@/lib/platform/config/server-env";
import type { EmbeddingConfig } from "./create-embedder";

/** The embedding settings alone, for processes that need no other configuration (CLIs). */
export function readEmbeddingConfig(env: Env = process.env): EmbeddingConfig {
  return parseEnv(embeddingEnvSchema.and(searchEnvSchema), env);
}
