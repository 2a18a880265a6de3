import OpenAI from "openai";
import type { SearchEnv } from "@/lib/platform/config/search-env";
import type { Answerer } from "./answerer";
import { createChatAnswerer } from "./chat-answerer";
import { createExtractiveAnswerer } from "./extractive-answerer";

export type AskConfig = Pick<
  SearchEnv,
  "ASK_MODEL" | "ASK_BASE_URL" | "ASK_API_KEY" | "OPENAI_API_KEY" | "OPENAI_BASE_URL"
>;

/** A chat model when ASK_MODEL is set, extractive answers otherwise. */
export function createAnswerer(config: AskConfig): Answerer {
  if (!config.ASK_MODEL) return createExtractiveAnswerer();
  const client = new OpenAI({
    apiKey: config.ASK_API_KEY ?? config.OPENAI_API_KEY ?? "not-needed",
    baseURL: config.ASK_BASE_URL ?? config.OPENAI_BASE_URL,
    maxRetries: 2,
    timeout: 60_000,
  });
  return createChatAnswerer(client, config.ASK_MODEL);
}
