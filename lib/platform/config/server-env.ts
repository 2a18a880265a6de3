import { z } from "zod";
import { databaseUrlSchema } from "@/lib/platform/config/database-url";
import { processingEnvSchema } from "@/lib/platform/config/processing-env";
import { authEnvSchema } from "./auth-env";
import { awsEnvSchema } from "./aws-env";
import { healthEnvSchema } from "./health-env";
import { importEnvSchema } from "./import-env";
import { inngestEnvSchema } from "./inngest-env";
import { insightsEnvSchema } from "./insights-env";
import { mediaServingEnvSchema } from "./media-serving-env";
import { mailEnvSchema } from "./mail-env";
import { parseEnv } from "./parse-env";
import { searchEnvSchema } from "./search-env";
import { telemetryEnvSchema } from "./telemetry-env";
import { transcriptionEnvSchema } from "./transcription-env";
import { uploadEnvSchema } from "./upload-env";

export const embeddingEnvSchema = z.object({
  EMBEDDING_DIMENSIONS: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected at least 1")
    .max(2000, "expected at most 2000 (pgvector's HNSW limit)")
    .default(384),
});

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
  .and(telemetryEnvSchema)
  .and(insightsEnvSchema);

export type ServerEnv = z.output<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** The web app's configuration, validated once per process. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(serverEnvSchema, process.env);
  return cached;
}
