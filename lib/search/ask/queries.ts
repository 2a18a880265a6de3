import { parseEnv } from "@/lib/platform/config/parse-env";
import { searchEnvSchema } from "@/lib/platform/config/search-env";
import { getDb } from "@/lib/platform/db/client";
import { configuredEmbedder } from "@/lib/search/embeddings/configured-embedder";
import type { Answerer } from "./answerer";
import { askQuestion } from "./ask-question";
import type { AskRequest } from "./ask-request";
import { createAnswerer } from "./create-answerer";

let answerer: Answerer | undefined;

/** The configured answerer (ASK_MODEL or extractive), built once per process. */
function configuredAnswerer(): Answerer {
  answerer ??= createAnswerer(parseEnv(searchEnvSchema, process.env));
  return answerer;
}

/** A listener's question, answered as a stream of AskEvents. */
export function answerQuestion(request: AskRequest, signal?: AbortSignal) {
  return askQuestion(
    { db: getDb(), embedder: configuredEmbedder(), answerer: configuredAnswerer() },
    request.question,
    { churchSlug: request.church },
    signal,
  );
}
