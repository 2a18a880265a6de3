import type { SearchEnv } from "@/lib/platform/config/search-env";
import { DEFAULT_TUNING, type SearchTuning } from "./search-moments";

// Measured on eval/search/default (npm run eval:search) with the local lexical embedder:
// overall nDCG@10 of hybrid is 0.814 at equal weights, 0.827 at half weight, 0.820 at 0.3
// (full text alone 0.806); k between 30 and 100 changes little.
// With local-semantic (measured at 1024 dimensions), on the development half of the same set
// (npm run eval:search -- --split dev): hybrid 0.840 at half weight, 0.826 at equal weights.
// Its vectors still carry the lexical features, so full text stays the stronger voice.
const LOCAL_VECTOR_WEIGHT = 0.5;

/** Fusion settings from SEARCH_* variables, defaulted for the configured embedder. */
export function searchTuning(
  env: Pick<SearchEnv, "EMBEDDING_PROVIDER" | "SEARCH_RRF_K" | "SEARCH_VECTOR_WEIGHT">,
): SearchTuning {
  return {
    ...DEFAULT_TUNING,
    rrfK: env.SEARCH_RRF_K,
    vectorWeight:
      env.SEARCH_VECTOR_WEIGHT ??
      (env.EMBEDDING_PROVIDER === "local" || env.EMBEDDING_PROVIDER === "local-semantic"
        ? LOCAL_VECTOR_WEIGHT
        : 1),
  };
}
