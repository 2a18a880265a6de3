import type { SearchEnv } from "@/lib/platform/config/search-env";
import { DEFAULT_TUNING, type SearchTuning } from "./search-moments";

// Measured on eval/search/default (npm run eval:search) with the local lexical embedder:
// overall nDCG@10 of hybrid is 0.814 at equal weights, 0.827 at half weight, 0.820 at 0.3
// (full text alone 0.806); k between 30 and 100 changes little. Its vectors are only
// another view of the words, so full text stays the stronger voice.
// local-semantic's vectors carry meaning and get an equal say: on the development half of the
// same set at its default 384 dimensions (npm run eval:search -- --split dev), hybrid overall
// 0.823 at half weight, 0.835 at 0.75 and at 1 (paraphrase 0.651 → 0.700). Half weight had been
// chosen at 1,024 dimensions and held paraphrase on the held-out half to 0.507.
const LEXICAL_VECTOR_WEIGHT = 0.5;

/** Fusion settings from SEARCH_* variables, defaulted for the configured embedder. */
export function searchTuning(
  env: Pick<SearchEnv, "EMBEDDING_PROVIDER" | "SEARCH_RRF_K" | "SEARCH_VECTOR_WEIGHT">,
): SearchTuning {
  return {
    ...DEFAULT_TUNING,
    rrfK: env.SEARCH_RRF_K,
    vectorWeight:
      env.SEARCH_VECTOR_WEIGHT ?? (env.EMBEDDING_PROVIDER === "local" ? LEXICAL_VECTOR_WEIGHT : 1),
  };
}
