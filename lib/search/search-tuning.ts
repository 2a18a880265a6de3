import type { SearchEnv } from "@/lib/platform/config/search-env";
import { DEFAULT_TUNING, type SearchTuning } from "./search-moments";

// Measured on eval/search/default (npm run eval:search) with the local lexical embedder:
// overall nDCG@10 of hybrid is 0.814 at equal weights, 0.827 at half weight, 0.820 at 0.3
// (full text alone 0.806); k between 30 and 100 changes little.
const LOCAL_VECTOR_WEIGHT = 0.5;

/** Fusion settings from SEARCH_* variables, defaulted for the configured embedder. */
export function searchTuning(
  env: Pick<SearchEnv, "EMBEDDING_PROVIDER" | "SEARCH_RRF_K" | "SEARCH_VECTOR_WEIGHT">,
): SearchTuning {
  return {
    ...DEFAULT_TUNING,
    rrfK: env.SEARCH_RRF_K,
    vectorWeight:
      env.SEARCH_VECTOR_WEIGHT ?? (env.EMBEDDING_PROVIDER === "local" ? LOCAL_VECTOR_WEIGHT : 1),
  };
}
