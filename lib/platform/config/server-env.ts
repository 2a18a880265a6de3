import { z } from "zod";
import { databaseUrlSchema } from "@/lib/platform/config/database-url";
import { processingEnvSchema } from "@/lib/platform/config/processing-env";
import { authEnvSchema } from "./auth-env";
import { awsEnvSchema } from "./aws-env";
import { healthEnvSchema } from "./health-env";
import { importEnvSchema } from "./import-env";
import { inngestEnvSchema } from "./inngest-env";
import { mediaServingEnvSchema } from "./media-serving-env";
import { mailEnvSchema } from "./mail-env";
import { parseEnv } from "./parse-env";
import { embeddingProviderSchema, searchEnvSchema } from "./search-env";
import { telemetryEnvSchema } from "./telemetry-env";
import { transcriptionEnvSchema } from "./transcription-env";
import { uploadEnvSchema } from "./upload-env";

// local-semantic hashes many more features per word (its concepts) than the lexical local
// embedder: in 384 buckets their chance collisions drown short texts' real overlaps, so it
// gets more room (see lib/search/README.md for the measurements).
const DEFAULT_DIMENSIONS = 384;
const LOCAL_SEMANTIC_DIMENSIONS = 1024;

/** The vector size: EMBEDDING_DIMENSIONS, else the configured provider's default. */
export const embeddingEnvSchema = z
  .object({
    EMBEDDING_PROVIDER: embeddingProviderSchema,
    EMBEDDING_DIMENSIONS: z.coerce
      .number({ message: "expected a whole number" })
      .int("expected a whole number")
      .min(1, "expected at least 1")
      .max(2000, "expected at most 2000 (pgvector's HNSW limit)")
      .optional(),
  })
  .transform((env) => ({
    ...env,
    EMBEDDING_DIMENSIONS:
      env.EMBEDDING_DIMENSIONS ??
      (env.EMBEDDING_PROVIDER === "local-semantic"
        ? LOCAL_SEMANTIC_DIMENSIONS
        : DEFAULT_DIMENSIONS),
  }));

export const serverEnvSchema = z
  .object({ DATABASE_URL: databaseUrlSchema })
  .and(embeddingEnvSchema)
  .and(authEnvSchema)
  .and(awsEnvSchema)
  .and(uploadEnvSchema)
  .and(processingEnvSchema)
  .and(inngestEnvSchema)
  .and(searchEnvSchema)
  .and(transcriptionEnvSchema)
  .and(healthEnvSchema)
  .and(importEnvSchema)
  .and(mediaServingEnvSchema)
  .and(mailEnvSchema)
  .and(telemetryEnvSchema);

export type ServerEnv = z.output<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** The web app's configuration, validated once per process. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(serverEnvSchema, process.env);
  return cached;
}
